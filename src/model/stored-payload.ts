/**
 * The payload AWS sent, as an object: Klaxon stores it as the text AWS sent (bounded, so that no JSON is
 * deeper than DynamoDB allows), so a lookup reading a stored alert parses it back. Unreadable text is none.
 */
export function storedPayloadOf(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
