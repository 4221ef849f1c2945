/** Block Kit limits (docs.slack.dev block and element references). Slack rejects a message that breaks one. */
export const BlockKitLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  placeholderText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** Slack asks to keep the top-level `text` under 4,000 characters. */
  topLevelText: 3999,
} as const;

export const TruncationMarker = '… (truncated)';

/**
 * Cuts `text` to at most `max` characters, ending with the marker so a reader knows something is missing.
 * In mrkdwn the cut backs off to before an unclosed `<…>` token or `&…;` entity, which would otherwise
 * show as raw syntax; it never splits a surrogate pair.
 */
export function truncateText(
  text: string,
  max: number,
  format: 'mrkdwn' | 'plain_text' = 'plain_text',
): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - TruncationMarker.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  if (format === 'mrkdwn') end = backOffFromOpenToken(text.slice(0, end));
  return `${text.slice(0, end)}${TruncationMarker}`;
}

function backOffFromOpenToken(head: string): number {
  let end = head.length;
  const openToken = head.lastIndexOf('<');
  if (openToken > head.lastIndexOf('>')) end = openToken;
  const openEntity = head.lastIndexOf('&', end - 1);
  if (openEntity >= 0 && end - openEntity < 6 && !head.slice(openEntity, end).includes(';')) end = openEntity;
  return end;
}
