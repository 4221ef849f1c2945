import { printIsoTime } from '../util/utc-iso-time.ts';
import { formatDuration, formatSlackDate } from './mrkdwn.ts';

/** Later than this after AWS's own time, a notification's delay is worth telling (SNS retries, a backlog). */
export const lateAfterMs = 5 * 60_000;

/**
 * A Slack date token with how long ago, which Slack keeps current as the message ages ("Nov 29 19:40, 12
 * minutes ago" in the reader's own zone); the fallback (clients without date formatting, plain text) is the
 * time in UTC.
 */
export function formatSlackDateAgo(iso: string, ms = Date.parse(iso)): string {
  if (Number.isNaN(ms)) return formatSlackDate(iso);
  const fallback = `${printIsoTime(iso, ms).slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}, {ago}|${fallback}>`;
}

/**
 * When a firing happened as AWS tells it (`sourceAt`: StateChangeTime, the event's time), and, when Klaxon
 * received it (`receivedAt`: its processing time) more than five minutes later, how much later. Processing
 * time rather than SNS's `Timestamp`: SNS stamps the publish, and its retries are part of the delay people
 * need to know about.
 */
export function describeFiredAt(sourceAt: string | undefined, receivedAt: string): string {
  if (!sourceAt) return formatSlackDate(receivedAt);
  const sourceMs = Date.parse(sourceAt);
  const delay = Date.parse(receivedAt) - sourceMs;
  const late = delay > lateAfterMs ? ` · received ${formatDuration(delay)} later` : '';
  return `${formatSlackDateAgo(sourceAt, sourceMs)}${late}`;
}
