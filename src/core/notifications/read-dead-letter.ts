import { parseSnsMessage, type SnsMessage } from '../../sns/sns-message.ts';
import { readCommandInvocation } from '../commands/lambda-invoke-runner.ts';

/**
 * What a dead-letter message holds. An SNS subscription's queue gets the SNS envelope itself; a function's
 * asynchronous-invocation queue gets the event it failed on (an SNS event's records, a command, the
 * schedule), and an on-failure destination wraps that event as `requestPayload`.
 */
export type DeadLetter =
  | { kind: 'sns'; messages: SnsMessage[] }
  | { kind: 'schedule' }
  | { kind: 'command' }
  | { kind: 'unrecognized'; detail: string };

export function readDeadLetter(body: string): DeadLetter {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'unrecognized', detail: 'body is not JSON' };
  }
  return readEvent(json);
}

function readEvent(json: unknown): DeadLetter {
  if (typeof json !== 'object' || json === null) return { kind: 'unrecognized', detail: 'not an object' };
  const event = json as Record<string, unknown>;
  if ('requestPayload' in event) return readEvent(event.requestPayload);
  if (Array.isArray(event.Records)) return readSnsRecords(event.Records);
  if ('Type' in event && 'MessageId' in event) return readSnsMessages([event]);
  if (event.source === 'aws.events' && event['detail-type'] === 'Scheduled Event')
    return { kind: 'schedule' };
  if (readCommandInvocation(event)) return { kind: 'command' };
  return { kind: 'unrecognized', detail: 'neither an SNS message nor a Klaxon function event' };
}

function readSnsRecords(records: unknown[]): DeadLetter {
  const messages = records.map((record) => (record as { Sns?: unknown } | null)?.Sns);
  if (messages.some((m) => m === undefined)) return { kind: 'unrecognized', detail: 'a record has no Sns' };
  return readSnsMessages(messages);
}

function readSnsMessages(candidates: unknown[]): DeadLetter {
  const messages: SnsMessage[] = [];
  for (const candidate of candidates) {
    const parsed = parseSnsMessage(JSON.stringify(candidate));
    if (!parsed.ok) return { kind: 'unrecognized', detail: `${parsed.reason}: ${parsed.detail}` };
    messages.push(parsed.message);
  }
  return { kind: 'sns', messages };
}
