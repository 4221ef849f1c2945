import * as z from 'zod';
import type { NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { describeIdentity, isRoot, userIdentitySchema } from './cloudtrail-identity.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
  toIsoTime,
  truncateVisibly,
} from './shared.ts';

const cloudTrailEventSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      eventSource: z.string(),
      eventName: z.string(),
      eventID: z.string().optional(),
      eventTime: z.string().optional(),
      awsRegion: z.string().optional(),
      recipientAccountId: z.string().optional(),
      sourceIPAddress: z.string().optional(),
      userAgent: z.string().optional(),
      errorCode: z.string().optional(),
      errorMessage: z.string().optional(),
      userIdentity: userIdentitySchema().optional(),
      requestParameters: z.record(z.string(), z.unknown()).nullish(),
      responseElements: z.record(z.string(), z.unknown()).nullish(),
      additionalEventData: z.record(z.string(), z.unknown()).nullish(),
      resources: z.array(z.looseObject({ ARN: z.string().optional() })).optional(),
    }),
  ),
);
type CloudTrailEvent = z.infer<ReturnType<typeof cloudTrailEventSchema>>;
type Detail = CloudTrailEvent['detail'];

interface Reading {
  title: string;
  severity: Severity;
  flag?: string;
}

/**
 * A failed sign-in or any root sign-in is what a security channel watches for; a root failure is both. A rule
 * routed every other event here on purpose, so it is posted, quietly.
 */
function readSignIn(detail: Detail): Reading {
  const failed = detail.responseElements?.ConsoleLogin === 'Failure' || detail.errorMessage !== undefined;
  const root = isRoot(detail.userIdentity);
  const who = describeIdentity(detail.userIdentity);
  if (failed && root)
    return { title: 'Failed root console sign-in', severity: 'critical', flag: 'Root, failed' };
  if (failed) return { title: `Failed console sign-in: ${who}`, severity: 'high', flag: 'Failed sign-in' };
  if (root) return { title: 'Root console sign-in', severity: 'high', flag: 'Root sign-in' };
  return { title: `Console sign-in: ${who}`, severity: 'low' };
}

function readApiCall(detail: Detail): Reading {
  const service = detail.eventSource.replace(/\.amazonaws\.com$/, '');
  const title = `${service} ${detail.eventName} by ${describeIdentity(detail.userIdentity)}`;
  if (isRoot(detail.userIdentity)) return { title, severity: 'high', flag: 'Root API call' };
  return { title, severity: detail.errorCode ? 'medium' : 'low' };
}

/** The first name or id in the request (`bucketName`, `instanceId` …) when CloudTrail names no resource. */
function resourceOf(event: CloudTrailEvent): string | undefined {
  const named = event.detail.resources?.find((resource) => resource.ARN)?.ARN ?? event.resources?.[0];
  if (named) return named;
  const entry = Object.entries(event.detail.requestParameters ?? {}).find(
    ([key, value]) => /(Name|Id|Arn)$/.test(key) && typeof value === 'string',
  );
  return entry?.[1] as string | undefined;
}

const compactJson = (value: unknown) =>
  value === undefined || value === null ? undefined : truncateVisibly(JSON.stringify(value), 500);

export function cloudTrailEventUrl(region: string, eventId: string): string {
  return `${consoleBase(region)}/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(eventId)}`;
}

function toAlert(event: CloudTrailEvent, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const detail = event.detail;
  const isSignIn = event['detail-type'] === 'AWS Console Sign In via CloudTrail';
  const reading = isSignIn ? readSignIn(detail) : readApiCall(detail);
  const account = detail.recipientAccountId ?? event.account;
  const regionCode = detail.awsRegion ?? event.region;
  const region = isRegionCode(regionCode) ? regionCode : undefined;
  const who = describeIdentity(detail.userIdentity);
  return {
    source: 'cloudtrail',
    // Repeats of one call by one identity thread under one alert; every event is its own occurrence.
    key: `cloudtrail:${account ?? 'unknown'}:${detail.eventSource}:${detail.eventName}:${detail.userIdentity?.arn ?? who}`,
    name: `${detail.eventSource}:${detail.eventName}`,
    title: reading.title,
    state: 'firing',
    stateLabel:
      detail.errorCode ?? (isSignIn ? String(detail.responseElements?.ConsoleLogin ?? 'SignIn') : 'ApiCall'),
    severity: reading.severity,
    account,
    region,
    resource: resourceOf(event),
    occurredAt: toIsoTime(detail.eventTime, occurredAt(event.time, input)),
    summary: detail.errorMessage ?? `${who} called ${detail.eventName} on ${detail.eventSource}`,
    fields: fieldsOf([
      ['Flag', reading.flag],
      ['Who', who],
      ['Identity ARN', detail.userIdentity?.arn],
      ['Source IP', detail.sourceIPAddress],
      ['Event', `${detail.eventSource} ${detail.eventName}`],
      ['Error code', detail.errorCode],
      ['MFA used', detail.additionalEventData?.MFAUsed as string | undefined],
      ['Request', compactJson(detail.requestParameters)],
      ['User agent', detail.userAgent],
      ['Event id', detail.eventID],
    ]),
    consoleUrl: region && detail.eventID ? cloudTrailEventUrl(region, detail.eventID) : undefined,
    occurrence: detail.eventID ?? event.id ?? input.messageId,
    // Nothing ever "recovers" an API call: a person resolves it once looked at.
    resolvableByEvent: false,
    raw,
  };
}

/** `AWS API Call via CloudTrail` and `AWS Console Sign In via CloudTrail`, delivered by an EventBridge rule. */
export const parseCloudTrailEvent = schemaParser(cloudTrailEventSchema, 'CloudTrail event', toAlert);
