/**
 * Every piece of text the page draws goes through escapeHtml: message content comes from Klaxon, which
 * copies it from AWS events, so it is untrusted as HTML.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack escapes only these three in message text; turn them back into characters before re-escaping. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Links open only for web and mail addresses; `javascript:` and the like stay text. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim());
}

type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

// Slack draws these shortcodes as emoji; Klaxon mostly writes Unicode emoji, so a short table is enough.
const emojiByName: Record<string, string> = {
  warning: '⚠️',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  x: '❌',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  tada: '🎉',
  question: '❓',
  octagonal_sign: '🛑',
  no_entry_sign: '🚫',
  no_entry: '⛔',
  rotating_light: '🚨',
  bell: '🔔',
  no_bell: '🔕',
  eyes: '👀',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  information_source: 'ℹ️',
  mag: '🔍',
  repeat: '🔁',
  lock: '🔒',
};

/** Replaces `:name:` shortcodes Slack would draw as emoji; unknown names stay as typed, as in Slack. */
export function replaceEmojiShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => emojiByName[name] ?? whole);
}
