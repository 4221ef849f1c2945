import { decodeSlackEntities, escapeHtml, isSafeUrl, replaceEmojiShortcodes } from './html.ts';

/** What mrkdwn needs to know to draw mentions: display names by user id. */
export interface MrkdwnContext {
  users: Record<string, string>;
  /** For `<!date^…>`; the viewer's zone when absent, as in Slack. */
  timeZone?: string;
  /** The viewer's now (ms) for `{ago}`: the sandbox clock, which may be ahead of real time. */
  now?: number;
}

// Rendered pieces are parked behind private-use characters while the rest is escaped and formatted, so that
// formatting can wrap a link but never reach inside one. Input text never keeps these characters.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const parkedPattern = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * Slack mrkdwn to HTML: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, <url|label> links, user,
 * channel and group mentions, <!here> and <!date^…>. All text is escaped; only our own tags are emitted.
 */
export function renderMrkdwn(text: string, context: MrkdwnContext): string {
  const parked: string[] = [];
  const park = (html: string) => `${OPEN}${parked.push(html) - 1}${CLOSE}`;
  const source = text.replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
  const withCode = source
    .replace(/```([\s\S]*?)```/g, (_m, code: string) =>
      park(`<pre>${escapeHtml(decodeSlackEntities(code))}</pre>`),
    )
    .replace(/`([^`\n]+)`/g, (_m, code: string) =>
      park(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`),
    )
    .replace(/<([^<>\n]+)>/g, (_m, inner: string) => park(renderAngleToken(inner, context)));
  const formatted = formatLines(escapeHtml(decodeSlackEntities(withCode)));
  return formatted.replace(parkedPattern, (_m, index: string) => parked[Number(index)] ?? '');
}

/** Renders plain_text: escaped, with emoji shortcodes drawn. */
export function renderPlainText(text: string): string {
  return escapeHtml(replaceEmojiShortcodes(text));
}

function formatLines(escaped: string): string {
  const lines = escaped.split('\n').map((line) => {
    const quote = /^&gt;\s?(.*)$/.exec(line);
    const body = formatInline(quote ? (quote[1] ?? '') : line);
    return quote ? `<blockquote>${body}</blockquote>` : body;
  });
  // A quote is a block of its own, so it needs no line break after it.
  return lines.reduce((html, line, index) => {
    if (index === 0) return line;
    return html.endsWith('</blockquote>') ? `${html}${line}` : `${html}<br>${line}`;
  }, '');
}

function formatInline(escaped: string): string {
  return replaceEmojiShortcodes(escaped)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])/g, '$1<b>$2</b>')
    .replace(/(^|[^\w_])_(?!\s)([^_\n]+?)_(?![\w_])/g, '$1<i>$2</i>')
    .replace(/(^|[^\w~])~(?!\s)([^~\n]+?)~(?![\w~])/g, '$1<s>$2</s>');
}

/** `<…>` tokens: links, mentions and special commands. Unknown tokens show as typed. */
function renderAngleToken(inner: string, context: MrkdwnContext): string {
  const [target = '', label] = splitLabel(inner);
  if (target.startsWith('@'))
    return renderMention(`@${label ?? context.users[target.slice(1)] ?? target.slice(1)}`);
  if (target.startsWith('#')) return renderMention(`#${label ?? target.slice(1)}`);
  if (target.startsWith('!subteam^')) return renderMention(label ?? `@${target.slice(9)}`);
  if (target.startsWith('!date^')) return renderDate(target, label, context);
  if (target.startsWith('!')) return renderMention(`@${target.slice(1)}`);
  const url = decodeSlackEntities(target);
  // Not a link at all: show it as typed. A link to a script or other scheme: show only its label.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return escapeHtml(decodeSlackEntities(`<${inner}>`));
  const text = escapeHtml(decodeSlackEntities(label ?? target));
  if (!isSafeUrl(url)) return text;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

function renderMention(text: string): string {
  return `<span class="mention">${escapeHtml(decodeSlackEntities(text))}</span>`;
}

/** `<!date^epoch^{token} text^optional_link|fallback>`: formatted in the viewer's zone, fallback if unreadable. */
function renderDate(target: string, fallback: string | undefined, context: MrkdwnContext): string {
  const [, epoch = '', format = ''] = target.split('^');
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime()))
    return escapeHtml(decodeSlackEntities(fallback ?? ''));
  const text = format.replace(
    /\{(\w+)\}/g,
    (whole, token: string) => formatDateToken(date, token, context) ?? whole,
  );
  return `<time datetime="${date.toISOString()}">${escapeHtml(decodeSlackEntities(text))}</time>`;
}

function formatDateToken(date: Date, token: string, context: MrkdwnContext): string | undefined {
  const zone = context.timeZone ? { timeZone: context.timeZone } : {};
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { ...options, ...zone }).format(date);
  const formats: Record<string, () => string> = {
    date_num: () => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', ...zone }).format(date),
    date: () => format({ dateStyle: 'long' }),
    date_pretty: () => format({ dateStyle: 'long' }),
    date_short: () => format({ dateStyle: 'medium' }),
    date_short_pretty: () => format({ dateStyle: 'medium' }),
    date_long: () => format({ dateStyle: 'full' }),
    date_long_pretty: () => format({ dateStyle: 'full' }),
    time: () => format({ hour: 'numeric', minute: '2-digit' }),
    time_secs: () => format({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: () => describeAgo((context.now ?? Date.now()) - date.getTime()),
  };
  return formats[token]?.();
}

/** Slack's `{ago}`: "just now", "12 minutes ago", "2 hours ago", "3 days ago" (or "in …" ahead). */
function describeAgo(elapsedMs: number): string {
  const minutes = Math.round(Math.abs(elapsedMs) / 60_000);
  if (minutes < 1) return 'just now';
  const [count, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  const amount = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return elapsedMs >= 0 ? `${amount} ago` : `in ${amount}`;
}
