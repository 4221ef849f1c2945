/** SNS caps a message at 256 KB (262,144 bytes). */
export const snsMaxMessageBytes = 256 * 1024;

/** The fields of an SNS envelope that say what was sent, whichever form it came in. */
export interface EnvelopeFields {
  MessageId?: string;
  TopicArn?: string;
  Message: string;
  Timestamp?: string;
  Subject?: string;
}

/**
 * The SNS envelope in a JSON document, if it is one: the HTTPS form (`Type` and a string `Message`) or a
 * Lambda SNS event (`Records[0].Sns`). Anything else (a message body, an EventBridge event) gives undefined.
 */
export function findSnsEnvelope(json: unknown): EnvelopeFields | undefined {
  const record = (json as { Records?: Array<{ Sns?: unknown }> } | null)?.Records?.[0]?.Sns;
  const candidate = (record ?? json) as (Partial<EnvelopeFields> & { Type?: unknown }) | null;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  if (typeof candidate.Message !== 'string' || typeof candidate.Type !== 'string') return undefined;
  return candidate as EnvelopeFields;
}

export class PastedNotificationError extends Error {
  override name = 'PastedNotificationError';
}

/**
 * What someone pasted, as the SNS `Message` to send: an envelope gives its `Message` (and `Subject`); a
 * message body or an EventBridge event is sent as pasted. Refuses what is not JSON, what is no object or
 * array, and what SNS would refuse as too large, each with a sentence that says so.
 */
export function readPastedNotification(text: string): { message: string; subject?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PastedNotificationError(`not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null) {
    throw new PastedNotificationError(
      `expected a JSON object (an SNS envelope, a message body or an EventBridge event), got ${json === null ? 'null' : typeof json}`,
    );
  }
  const envelope = findSnsEnvelope(json);
  const message = envelope?.Message ?? text;
  const bytes = Buffer.byteLength(message, 'utf8');
  if (bytes > snsMaxMessageBytes) {
    throw new PastedNotificationError(
      `too large: the message is ${bytes} bytes, SNS allows ${snsMaxMessageBytes} (256 KB)`,
    );
  }
  return { message, ...(envelope?.Subject ? { subject: envelope.Subject } : {}) };
}
