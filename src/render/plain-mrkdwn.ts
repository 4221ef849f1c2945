/**
 * Slack mrkdwn to terminal text: tokens become readable (`<url|label>` → `label (url)`, `<@U1>` → `@U1`,
 * date tokens → their fallback), `*bold*` markers go, and the three escaped characters come back.
 */
export function convertMrkdwnToPlainText(text: string): string {
  const withTokens = text.replace(/<([^<>]+)>/g, (_match, inner: string) => convertToken(inner));
  return unescapeMrkdwn(stripBoldMarkers(withTokens));
}

function convertToken(inner: string): string {
  const separator = inner.indexOf('|');
  const target = separator === -1 ? inner : inner.slice(0, separator);
  const label = separator === -1 ? undefined : inner.slice(separator + 1);
  if (target.startsWith('@') || target.startsWith('#'))
    return label ? `${target[0]}${label.replace(/^[@#]/, '')}` : target;
  if (target.startsWith('!date^')) return label ?? target;
  if (target.startsWith('!subteam^')) return label ?? `@${target.slice('!subteam^'.length)}`;
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  return label ? `${label} (${target})` : target;
}

/** Only word-bounded `*…*` pairs hugging their text, as Slack requires, so `a * b * c` and globs survive. */
function stripBoldMarkers(text: string): string {
  return text.replace(/(^|[\s(])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?=$|[\s).,:;!?])/gm, '$1$2');
}

function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
