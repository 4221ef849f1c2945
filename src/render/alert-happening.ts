import type { AlertView } from '../model/alert-view.ts';
import { BlockKitLimits, truncateText } from './limits.ts';
import { escapeMrkdwn, formatCode, formatDurationBetween, formatSlackTime } from './mrkdwn.ts';

/** A summary longer than this is cut in the root: the whole of it is behind Details. */
const maxRootSummaryChars = 300;
const maxRootSummaryLines = 4;

/**
 * The lines that say what is happening: the alert's one line ("CPUUtilization 97.3 > 80 for 3 datapoints ·
 * since 19:40, 12 min"), or its summary cut to one line. A recovery keeps the failure's story first
 * ("Failed: <reason> — recovered 20:05"), then says how things are now.
 */
export function describeHappening(view: AlertView): string[] {
  const now = describeNow(view);
  const failure = view.status === 'resolved' ? describeRecoveredFailure(view) : undefined;
  if (!failure) return now ? [now] : [];
  // A source that says the same thing when it ends (Health, Security Hub) needs it said once.
  return now && !failure.text.includes(stripBold(now)) ? [failure.line, `Now: ${now}`] : [failure.line];
}

function stripBold(text: string): string {
  return text.replace(/^\*([^*]*)\*.*$/, '$1');
}

function describeNow(view: AlertView): string | undefined {
  const { headline, summary } = view.alert;
  if (headline)
    return `*${escapeMrkdwn(headline.text)}*${describeSince(headline.since, view.alert.occurredAt)}`;
  const trimmed = summary.trim();
  if (trimmed === '') return undefined;
  return /^[[{]/.test(trimmed) ? formatJsonSummary(trimmed) : escapeMrkdwn(firstLines(trimmed));
}

function describeSince(since: string | undefined, until: string): string {
  if (!since) return '';
  const lasted = formatDurationBetween(since, until);
  return ` · since ${formatSlackTime(since)}${lasted ? `, ${lasted}` : ''}`;
}

/**
 * The failure a recovery ended, and when ("Failed: <reason> — recovered 20:05", "Was `ALARM`: <line> —
 * recovered 20:05"); only when an event resolved it (a person's Resolve is in the status line).
 */
function describeRecoveredFailure(view: AlertView): { line: string; text: string } | undefined {
  const failure = view.lastFailure;
  if (!failure || view.resolvedBy !== 'event') return undefined;
  const what = escapeMrkdwn(failure.headline?.text ?? firstLine(failure.summary));
  const labelled = /^failed\b/i.test(what) ? what : `Was ${formatCode(failure.stateLabel)}: ${what}`;
  const when = view.resolvedAt ? ` — recovered ${formatSlackTime(view.resolvedAt)}` : ' — recovered';
  return { line: `${labelled}${when}`, text: what };
}

/** A summary that lists things (several findings) keeps a few of its lines, each short. */
function firstLines(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const shown = lines.slice(0, maxRootSummaryLines).map(firstLine);
  const more = lines.length - shown.length;
  return more > 0 ? [...shown, `… and ${more} more (see Details)`].join('\n') : shown.join('\n');
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > maxRootSummaryChars ? `${line.slice(0, maxRootSummaryChars - 1)}…` : line;
}

/**
 * A raw JSON body (what the generic parser shows for a message it does not know) reads best as a code
 * block. It is cut before fencing, so truncation cannot eat the closing fence.
 */
export function formatJsonSummary(summary: string): string {
  const fence = '```';
  const body = truncateText(
    escapeMrkdwn(summary),
    BlockKitLimits.sectionText - 2 * fence.length - 2,
    'mrkdwn',
  );
  return `${fence}\n${body}\n${fence}`;
}
