import type { SlackUserRef } from '../model/alert-view.ts';
import { printIsoTime } from '../util/utc-iso-time.ts';

const mrkdwnEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const mrkdwnControls = /[&<>]/g;

/**
 * Slack mrkdwn treats `&`, `<` and `>` as control characters; all user and AWS text goes through this.
 * Every field of every message does, and most have nothing to escape: those are returned as they are
 * (found by three searches for a character, measured faster than one regular expression on such texts).
 */
export function escapeMrkdwn(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('<') === -1 && text.indexOf('>') === -1) return text;
  return text.replace(mrkdwnControls, (char) => mrkdwnEntities[char] as string);
}

/**
 * A Slack date token, so each reader sees the time in their own zone; the fallback (shown by clients that
 * cannot format dates, and by the plain-text renderer) is the ISO time in UTC.
 */
export function formatSlackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  const epoch = Math.floor(ms / 1000);
  return `<!date^${epoch}^{date_short_pretty} {time}|${printIsoTime(iso, ms)}>`;
}

/** A human duration: "45 s", "42 min", "1 h 12 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const safeMs = Math.max(0, ms);
  const totalMinutes = Math.floor(safeMs / 60_000);
  if (totalMinutes < 1) return `${Math.floor(safeMs / 1000)} s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** The duration between two ISO times, or undefined when either is missing or unreadable. */
export function formatDurationBetween(
  fromIso: string | undefined,
  toIso: string | undefined,
): string | undefined {
  if (!fromIso || !toIso) return undefined;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  return Number.isNaN(ms) ? undefined : formatDuration(ms);
}

/**
 * A mrkdwn link, or the escaped label alone when the URL is not http(s): a link is only as safe as its
 * scheme. `|` would end the URL part of the token early, so it is percent-encoded.
 */
export function formatLink(url: string, label: string): string {
  const safeUrl = toSafeUrl(url);
  if (!safeUrl) return escapeMrkdwn(label);
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

function toSafeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return escapeMrkdwn(parsed.href.replace(/\|/g, '%7C'));
}

/** `<@U123>` for a real Slack user id; otherwise the escaped name, so nothing from a payload can ping. */
export function formatUser(user: SlackUserRef): string {
  if (/^[UW][A-Z0-9]{2,}$/.test(user.userId)) return `<@${user.userId}>`;
  return escapeMrkdwn(user.userName ?? user.userId);
}

/**
 * Mentions come from configuration already in Slack syntax (`<!here>`, `<!subteam^S123>`, `<@U123>`);
 * anything else is dropped rather than escaped, because a half-formed mention is worse than none.
 */
export function selectValidMentions(mentions: readonly string[]): string[] {
  return mentions.filter((mention) =>
    /^<(?:!(?:here|channel|everyone)|!subteam\^[A-Z0-9]+|@[UW][A-Z0-9]+)(?:\|[^<>|]*)?>$/.test(mention),
  );
}

/** `code` spans cannot contain a backtick; swap it for a look-alike so the span stays closed. */
export function formatCode(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, 'ˋ')}\``;
}

/** A time of day in the reader's own time zone ("since 19:40"), falling back to UTC for clients without. */
export function formatSlackTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(ms / 1000)}^{time}|${printIsoTime(iso, ms).slice(11, 16)} UTC>`;
}

/** An http(s) URL as a URL button may carry it (Slack allows 3000 characters), or undefined. */
export function toButtonUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 3000) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
