import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
  toIsoTime,
} from './shared.ts';

const averageSchema = lazy(() => z.looseObject({ average: z.number().optional() }).optional());

const insightEventSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      eventID: z.string().optional(),
      eventTime: z.string().optional(),
      awsRegion: z.string().optional(),
      recipientAccountId: z.string().optional(),
      sharedEventID: z.string(),
      insightDetails: z.looseObject({
        state: z.string(),
        eventSource: z.string(),
        eventName: z.string(),
        insightType: z.string(),
        errorCode: z.string().optional(),
        insightContext: z
          .looseObject({
            statistics: z
              .looseObject({
                baseline: averageSchema(),
                insight: averageSchema(),
                insightDuration: z.number().optional(),
                baselineDuration: z.number().optional(),
              })
              .optional(),
          })
          .optional(),
      }),
    }),
  ),
);
type InsightEvent = z.infer<ReturnType<typeof insightEventSchema>>;

const insightKinds: Record<string, string> = {
  ApiCallRateInsight: 'call rate',
  ApiErrorRateInsight: 'error rate',
};

/** Averages are per minute; CloudTrail prints baselines like 9.82222E-5, which no reader needs. */
function perMinute(value: number | undefined): string | undefined {
  return value === undefined ? undefined : `${Number(value.toPrecision(3))}/min`;
}

function insightUrl(region: string): string {
  return `${consoleBase(region)}/cloudtrailv2/home?region=${region}#/insights`;
}

/**
 * A Start opens the alert and the End with the same `sharedEventID` resolves it: CloudTrail gives both
 * records of one unusual activity that id.
 */
function toAlert(event: InsightEvent, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const { detail } = event;
  const insight = detail.insightDetails;
  const stats = insight.insightContext?.statistics;
  const account = detail.recipientAccountId ?? event.account;
  const regionCode = detail.awsRegion ?? event.region;
  const region = isRegionCode(regionCode) ? regionCode : undefined;
  const service = insight.eventSource.replace(/\.amazonaws\.com$/, '');
  const kind = insightKinds[insight.insightType] ?? insight.insightType;
  const ended = insight.state === 'End';
  return {
    source: 'cloudtrail',
    key: `cloudtrail:insight:${account ?? 'unknown'}:${regionCode ?? 'unknown'}:${detail.sharedEventID}`,
    name: `${insight.eventSource}:${insight.eventName}`,
    title: `CloudTrail Insights: unusual ${kind} of ${service} ${insight.eventName}`,
    state: ended ? 'recovered' : 'firing',
    stateLabel: insight.state,
    severity: 'medium',
    account,
    region,
    occurredAt: toIsoTime(detail.eventTime, occurredAt(event.time, input)),
    summary: `${insight.eventName} on ${insight.eventSource}: ${perMinute(stats?.insight?.average) ?? '?'} against a baseline of ${perMinute(stats?.baseline?.average) ?? '?'}`,
    fields: fieldsOf([
      ['Insight type', insight.insightType],
      ['API', `${insight.eventSource} ${insight.eventName}`],
      ['Error code', insight.errorCode],
      ['Insight average', perMinute(stats?.insight?.average)],
      ['Baseline average', perMinute(stats?.baseline?.average)],
      ['Duration', stats?.insightDuration === undefined ? undefined : `${stats.insightDuration} min`],
      ['Shared event id', detail.sharedEventID],
    ]),
    consoleUrl: region ? insightUrl(region) : undefined,
    occurrence: detail.eventID ?? `${detail.sharedEventID}#${insight.state}`,
    resolvableByEvent: true,
    raw,
  };
}

/** `AWS Insight via CloudTrail`: unusual API call or error rates, as a Start and a later End. */
export const parseCloudTrailInsightEvent = schemaParser(
  insightEventSchema,
  'CloudTrail Insights event',
  toAlert,
);
