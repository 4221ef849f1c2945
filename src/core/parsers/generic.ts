import type { AlertField, NormalizedAlert } from '../../model/alert.ts';
import type { EventBridgeEnvelope } from './eventbridge-envelope.ts';
import { describeJsonPayload, maxTitleChars, titleFromPayload } from './generic-fields.ts';
import {
  fieldsOf,
  isRegionCode,
  occurredAt,
  parseJson,
  type SnsNotificationInput,
  toIsoTime,
  truncateVisibly,
} from './shared.ts';

const noteFields = (note: string | undefined): AlertField[] => fieldsOf([['Parser note', note]]);

function firstLineOf(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return line.trim().slice(0, maxTitleChars) || '(empty message)';
}

const topicNameOf = (topicArn: string) => topicArn.split(':').pop() || topicArn;

/**
 * The subject if SNS has one; else the payload's own name for itself; else its first line of text. Never a
 * bracket: a JSON dump's first line (`{`) tells nobody anything.
 */
function headingOf(input: SnsNotificationInput, json: unknown): string {
  const subject = input.subject?.trim();
  if (subject) return subject;
  if (json !== undefined) {
    return titleFromPayload(json) ?? `JSON notification on ${topicNameOf(input.topicArn)}`;
  }
  const line = firstLineOf(input.message);
  return /^[[{]/.test(line) ? `Notification on ${topicNameOf(input.topicArn)}` : line;
}

/**
 * Anything no specific parser claims (or one refused): shown as it came, so nothing is lost. `note` says why
 * a message that looked like a known kind ended up here.
 */
export function parseGenericMessage(input: SnsNotificationInput, note?: string): NormalizedAlert {
  const json = parseJson(input.message);
  const body = json === undefined ? { summary: truncateVisibly(input.message) } : describeJsonPayload(json);
  const heading = headingOf(input, json);
  return {
    source: 'generic',
    key: `generic:${input.topicArn}:${heading}`,
    name: heading,
    title: heading.slice(0, maxTitleChars),
    state: 'firing',
    stateLabel: 'Notification',
    severity: 'medium',
    occurredAt: toIsoTime(input.timestamp, input.timestamp),
    ...body,
    fields: [...fieldsOf([['Topic', input.topicArn]]), ...noteFields(note)],
    occurrence: input.messageId,
    resolvableByEvent: false,
    raw: json ?? input.message,
  };
}

function envelopeFieldsOf(
  event: EventBridgeEnvelope,
  input: SnsNotificationInput,
  note?: string,
): AlertField[] {
  return [
    ...fieldsOf([
      ['Source', event.source],
      ['Detail type', event['detail-type']],
      ['Account', event.account],
      ['Region', event.region],
      ['Resources', event.resources?.join('\n')],
      ['Topic', input.topicArn],
    ]),
    ...noteFields(note),
  ];
}

/**
 * An EventBridge event nobody parses specifically (other detail-types, or a known detail-type whose detail
 * did not fit): the envelope already says what, where and when.
 */
export function parseGenericEvent(
  event: EventBridgeEnvelope,
  input: SnsNotificationInput,
  note?: string,
): NormalizedAlert {
  const detailType = event['detail-type'];
  const subjectOfEvent = event.resources?.[0] ?? event.source;
  return {
    source: 'generic',
    key: `generic:${input.topicArn}:${detailType}:${subjectOfEvent}`,
    name: detailType,
    title: `${detailType} (${event.source})`.slice(0, maxTitleChars),
    state: 'firing',
    stateLabel: detailType,
    severity: 'medium',
    account: event.account,
    region: isRegionCode(event.region) ? event.region : undefined,
    resource: event.resources?.join(', ') || undefined,
    occurredAt: occurredAt(event.time, input),
    ...describeJsonPayload(event.detail),
    fields: envelopeFieldsOf(event, input, note),
    occurrence: event.id ?? input.messageId,
    resolvableByEvent: false,
    raw: event,
  };
}
