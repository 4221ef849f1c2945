import type { NormalizedAlert } from '../../model/alert.ts';
import type { SnsMessage } from '../../sns/sns-message.ts';
import { parseBackupJobEvent } from './backup-job-state-change.ts';
import { parseCloudTrailEvent } from './cloudtrail-event.ts';
import { parseCloudTrailInsightEvent } from './cloudtrail-insight.ts';
import { isCloudWatchAlarmMessage, parseCloudWatchAlarm } from './cloudwatch-alarm.ts';
import { isAlarmActionPayload, parseAlarmActionPayload } from './cloudwatch-alarm-action.ts';
import { parseEmrClusterEvent } from './emr-cluster-state-change.ts';
import { parseEmrStepEvent } from './emr-step-status-change.ts';
import { parseAlarmStateChangeEvent } from './eventbridge-alarm-state-change.ts';
import { type EventBridgeEnvelope, isEventBridgeEvent } from './eventbridge-envelope.ts';
import { parseGenericEvent, parseGenericMessage } from './generic.ts';
import { parseGlueJobRunStatusEvent } from './glue-job-run-status.ts';
import { parseGlueJobEvent } from './glue-job-state-change.ts';
import { parseGuardDutyFindingEvent } from './guardduty-finding.ts';
import { parseHealthEvent } from './health-event.ts';
import { isNestedDeeperThan } from './json-preview.ts';
import {
  isMacieFinding,
  macieFindingListOf,
  parseBareMacieFinding,
  parseMacieFindingList,
} from './macie-bare-finding.ts';
import { parseMacieClassicAlertEvent } from './macie-classic-alert.ts';
import { parseMacieFindingEvent } from './macie-finding.ts';
import { parseSecurityHubFindingsEvent } from './security-hub-finding.ts';
import { type MessageParser, parseJson, type SnsNotificationInput } from './shared.ts';

export type { SnsNotificationInput } from './shared.ts';

interface EventParser {
  /**
   * Anyone may publish a look-alike detail-type on a custom bus; only the AWS source is trusted to mean it.
   * CloudTrail events carry the calling service's own source (`aws.s3`, `aws.ec2` …): EventBridge refuses
   * `aws.` sources from PutEvents, so that prefix is still AWS's word.
   */
  source: string | RegExp;
  parse: MessageParser;
}

/** Any AWS service's own source, for events every service emits (CloudTrail API calls). */
const awsSource = /^aws\.[a-z0-9-]+$/;

/** EventBridge events, keyed by `detail-type`. Everything else becomes a readable generic alert. */
const eventParsers = new Map<string, EventParser>([
  ['CloudWatch Alarm State Change', { source: 'aws.cloudwatch', parse: parseAlarmStateChangeEvent }],
  ['Macie Finding', { source: 'aws.macie', parse: parseMacieFindingEvent }],
  ['Macie Alert', { source: 'aws.macie', parse: parseMacieClassicAlertEvent }],
  ['Glue Job State Change', { source: 'aws.glue', parse: parseGlueJobEvent }],
  ['EMR Step Status Change', { source: 'aws.emr', parse: parseEmrStepEvent }],
  ['EMR Cluster State Change', { source: 'aws.emr', parse: parseEmrClusterEvent }],
  ['Glue Job Run Status', { source: 'aws.glue', parse: parseGlueJobRunStatusEvent }],
  ['GuardDuty Finding', { source: 'aws.guardduty', parse: parseGuardDutyFindingEvent }],
  ['Security Hub Findings - Imported', { source: 'aws.securityhub', parse: parseSecurityHubFindingsEvent }],
  ['AWS Health Event', { source: 'aws.health', parse: parseHealthEvent }],
  ['Backup Job State Change', { source: 'aws.backup', parse: parseBackupJobEvent }],
  ['AWS API Call via CloudTrail', { source: awsSource, parse: parseCloudTrailEvent }],
  ['AWS Console Sign In via CloudTrail', { source: 'aws.signin', parse: parseCloudTrailEvent }],
  ['AWS Insight via CloudTrail', { source: 'aws.cloudtrail', parse: parseCloudTrailInsightEvent }],
]);

function isTrustedSource(expected: string | RegExp, actual: string): boolean {
  return typeof expected === 'string' ? expected === actual : expected.test(actual);
}

function parseEventBridgeEvent(event: EventBridgeEnvelope, input: SnsNotificationInput): NormalizedAlert {
  const parser = eventParsers.get(event['detail-type']);
  if (!parser) return parseGenericEvent(event, input);
  if (!isTrustedSource(parser.source, event.source)) {
    return parseGenericEvent(
      event,
      input,
      `${event['detail-type']} from ${event.source}, not ${parser.source}`,
    );
  }
  const result = parser.parse(event, input);
  return result.ok ? result.alert : parseGenericEvent(event, input, result.reason);
}

function parseAlarmMessage(payload: unknown, input: SnsNotificationInput): NormalizedAlert {
  const result = parseCloudWatchAlarm(payload, input);
  return result.ok ? result.alert : parseGenericMessage(input, result.reason);
}

function parseOrGeneric(parse: MessageParser) {
  return (payload: unknown, input: SnsNotificationInput): NormalizedAlert => {
    const result = parse(payload, input);
    return result.ok ? result.alert : parseGenericMessage(input, result.reason);
  };
}

type Shape =
  | 'eventbridge'
  | 'cloudwatch-alarm'
  | 'cloudwatch-alarm-action'
  | 'macie-finding'
  | 'macie-findings'
  | 'other';

/** What the message looks like decides which table entry handles it; the order of checks is the priority. */
function shapeOf(payload: unknown): Shape {
  if (isEventBridgeEvent(payload)) return 'eventbridge';
  if (isCloudWatchAlarmMessage(payload)) return 'cloudwatch-alarm';
  if (isAlarmActionPayload(payload)) return 'cloudwatch-alarm-action';
  if (isMacieFinding(payload)) return 'macie-finding';
  if (macieFindingListOf(payload)) return 'macie-findings';
  return 'other';
}

const shapeParsers: Record<Shape, (payload: unknown, input: SnsNotificationInput) => NormalizedAlert> = {
  eventbridge: (payload, input) => parseEventBridgeEvent(payload as EventBridgeEnvelope, input),
  'cloudwatch-alarm': parseAlarmMessage,
  'cloudwatch-alarm-action': parseOrGeneric(parseAlarmActionPayload),
  'macie-finding': parseOrGeneric(parseBareMacieFinding),
  'macie-findings': parseOrGeneric(parseMacieFindingList),
  other: (_payload, input) => parseGenericMessage(input),
};

/**
 * Turns a verified SNS notification into the one alert shape everything downstream reads. Never throws: what
 * no parser understands still reaches Slack, as a generic alert that says why.
 */
export function parseSnsNotification(input: SnsNotificationInput): NormalizedAlert {
  const payload = parseJson(input.message);
  return withWalkableRaw(parseGuarded(payload, input), payload, input);
}

function parseGuarded(payload: unknown, input: SnsNotificationInput): NormalizedAlert {
  try {
    return shapeParsers[shapeOf(payload)](payload, input);
  } catch (error) {
    // Parsers are pure and schema-checked; this is the last guard so one odd message cannot stop the queue.
    return parseGenericMessage(
      input,
      `parser error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** DynamoDB nests maps no deeper than this, and JSON.stringify overflows the stack a few thousand deeper. */
const maxRawNesting = 32;

/** A payload too deep for what comes downstream is kept as the text it came as: exact, and safe to store. */
function withWalkableRaw(
  alert: NormalizedAlert,
  payload: unknown,
  input: SnsNotificationInput,
): NormalizedAlert {
  return mayNestDeeperThan(input.message, maxRawNesting) && isNestedDeeperThan(payload, maxRawNesting)
    ? { ...alert, raw: input.message }
    : alert;
}

/**
 * Each level of nesting opens with a `{` or `[`, so a text with no more of them than `limit` cannot nest
 * deeper (brackets inside strings only add to the count): almost every message is cleared without a walk.
 */
function mayNestDeeperThan(text: string, limit: number): boolean {
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++opened > limit) return true;
    }
  }
  return false;
}

/** The parser's view of a verified SNS notification. */
export function parserInputOf(message: SnsMessage): SnsNotificationInput {
  return {
    messageId: message.MessageId,
    topicArn: message.TopicArn,
    message: message.Message,
    timestamp: message.Timestamp,
    ...(message.Subject ? { subject: message.Subject } : {}),
  };
}
