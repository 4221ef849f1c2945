import type * as z from 'zod';
import type { AlertField, NormalizedAlert } from '../../model/alert.ts';
import { isRegionCode } from '../../model/aws-ids.ts';
import { readCanonicalUtcTime } from '../../util/utc-iso-time.ts';

/** The already-verified SNS notification: only what parsing needs. */
export interface SnsNotificationInput {
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  timestamp: string;
}

/** A specific parser either understands the payload or says why not; it never throws. */
export type ParseResult = { ok: true; alert: NormalizedAlert } | { ok: false; reason: string };

export type MessageParser = (payload: unknown, input: SnsNotificationInput) => ParseResult;

/** Every parser reads the region from its message: the toolkit hands the shared check on. */
export { isRegionCode };

export interface ArnParts {
  partition: string;
  service: string;
  region?: string;
  account?: string;
  resource: string;
}

export function parseArn(arn: string | undefined): ArnParts | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn ?? '');
  if (!match) return undefined;
  const [, partition = '', service = '', region, account, resource = ''] = match;
  return {
    partition,
    service,
    region: isRegionCode(region) ? region : undefined,
    account: account || undefined,
    resource,
  };
}

/** CloudWatch writes `+0000` offsets and boto3 exports write `2020-10-26 13:47:03+00:00`; Slack wants ISO. */
export function toIsoTime(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const canonical = readCanonicalUtcTime(value);
  if (canonical) return canonical;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? fallback : date.toISOString();
}

export const maxBodyChars = 2500;

/** Cuts long text visibly, so a reader knows something was left out and how much. */
export function truncateVisibly(text: string, max = maxBodyChars): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… (truncated, ${text.length - max} more characters)`;
}

export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds fields from label/value pairs, skipping the values AWS left out. */
export function fieldsOf(pairs: Array<[string, string | number | undefined | null]>): AlertField[] {
  const fields: AlertField[] = [];
  for (const [label, value] of pairs) {
    if (value !== undefined && value !== null && value !== '') fields.push({ label, value: String(value) });
  }
  return fields;
}

export function consoleBase(region: string): string {
  return `https://${region}.console.aws.amazon.com`;
}

/** The CloudWatch console's page of a log group (or one stream): names in its fragment are encoded twice. */
export function logGroupConsoleUrl(region: string, group: string, stream?: string): string {
  const encode = (name: string) => encodeURIComponent(encodeURIComponent(name)).replace(/%/g, '$');
  const path = `log-group/${encode(group)}${stream ? `/log-events/${encode(stream)}` : ''}`;
  return `${consoleBase(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/${path}`;
}

/** zod's issue list, one line, for the fallback alert's note. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export function failWith(what: string, error: z.ZodError): ParseResult {
  return { ok: false, reason: `${what} did not match its schema (${describeIssues(error)})` };
}

/** When the message says it happened, else when SNS received it. */
export function occurredAt(time: string | undefined, input: SnsNotificationInput): string {
  // The fallback is worked out only when needed: reading a date is a good part of parsing an alarm.
  const own = toIsoTime(time, '');
  return own !== '' ? own : toIsoTime(input.timestamp, input.timestamp);
}

/**
 * A MessageParser that checks `payload` against `schema` (`what` names it in the reason) before `toAlert`.
 * The schema is built on the first payload it reads (see lazy.ts), not when the parser is declared.
 */
export function schemaParser<Schema extends z.ZodType>(
  schema: () => Schema,
  what: string,
  toAlert: (message: z.infer<Schema>, input: SnsNotificationInput, raw: unknown) => NormalizedAlert,
): MessageParser {
  return (payload, input) => {
    const parsed = schema().safeParse(payload);
    if (!parsed.success) return failWith(what, parsed.error);
    return { ok: true, alert: toAlert(parsed.data, input, payload) };
  };
}
