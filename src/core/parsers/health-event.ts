import * as z from 'zod';
import type { AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
  toIsoTime,
} from './shared.ts';

const healthEventSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      eventArn: z.string(),
      service: z.string(),
      eventTypeCode: z.string(),
      eventTypeCategory: z.string(),
      eventScopeCode: z.string().optional(),
      statusCode: z.string().optional(),
      eventRegion: z.string().optional(),
      startTime: z.string().optional(),
      endTime: z.string().optional(),
      lastUpdatedTime: z.string().optional(),
      eventDescription: z
        .array(z.looseObject({ language: z.string().optional(), latestDescription: z.string() }))
        .optional(),
      affectedEntities: z
        .array(
          z.looseObject({
            entityValue: z.string(),
            tags: z.record(z.string(), z.string()).optional(),
          }),
        )
        .optional(),
    }),
  ),
);
type HealthEvent = z.infer<ReturnType<typeof healthEventSchema>>;
type Detail = HealthEvent['detail'];

/**
 * Health's own scale is the event's category: an issue is something failing now; a scheduled change or an
 * investigation is coming or uncertain; an account notification is information. AWS_RISK events (exposed
 * credentials and the like) are the exception: always critical.
 */
const categorySeverities: Record<string, Severity> = {
  issue: 'high',
  investigation: 'medium',
  scheduledChange: 'medium',
  accountNotification: 'low',
};

function severityOf(detail: Detail): Severity {
  if (detail.service === 'RISK') return 'critical';
  return categorySeverities[detail.eventTypeCategory] ?? 'medium';
}

/**
 * `statusCode` says it when present (open, upcoming, closed). Older events carry none; there an `endTime`
 * means the event is over.
 */
function lifeOf(detail: Detail): { state: AlertState; stateLabel: string } {
  if (detail.statusCode) {
    return { state: detail.statusCode === 'closed' ? 'recovered' : 'firing', stateLabel: detail.statusCode };
  }
  if (detail.endTime) return { state: 'recovered', stateLabel: 'ended' };
  return { state: 'firing', stateLabel: detail.eventTypeCategory };
}

/** `AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED` → `EC2 instance store drive performance degraded`. */
function describeEventType(code: string, service: string): string {
  const words = code.replace(/^AWS_/, '').split('_');
  const [first = '', ...rest] = words;
  const head = first === service ? first : first.charAt(0) + first.slice(1).toLowerCase();
  const tail = rest.map((word) => (word === 'API' ? word : word.toLowerCase()));
  return [head, ...tail].join(' ');
}

function describeEntities(detail: Detail): string | undefined {
  const lines = (detail.affectedEntities ?? []).slice(0, 10).map((entity) => {
    const tags = Object.entries(entity.tags ?? {}).map(([key, value]) => `${key}=${value}`);
    return tags.length > 0 ? `${entity.entityValue} (${tags.join(', ')})` : entity.entityValue;
  });
  return lines.join('\n') || undefined;
}

function descriptionOf(detail: Detail): string | undefined {
  const descriptions = detail.eventDescription ?? [];
  const english = descriptions.find((entry) => entry.language?.startsWith('en'));
  return (english ?? descriptions[0])?.latestDescription;
}

export function healthEventUrl(eventArn: string): string {
  return `https://health.aws.amazon.com/health/home#/account/event-log?eventID=${encodeURIComponent(eventArn)}`;
}

function toAlert(event: HealthEvent, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const detail = event.detail;
  const regionCode = detail.eventRegion ?? event.region;
  const life = lifeOf(detail);
  const entities = detail.affectedEntities ?? [];
  return {
    source: 'health',
    // An event ARN is shared by every account the event touches.
    key: `health:${event.account ?? 'unknown'}:${detail.eventArn}`,
    name: detail.eventTypeCode,
    title: `AWS Health: ${describeEventType(detail.eventTypeCode, detail.service)}`,
    ...life,
    severity: severityOf(detail),
    account: event.account,
    region: isRegionCode(regionCode) ? regionCode : undefined,
    resource:
      entities.map((entity) => entity.entityValue).join(', ') || event.resources?.join(', ') || undefined,
    occurredAt: occurredAt(event.time, input),
    summary: descriptionOf(detail) ?? detail.eventTypeCode,
    fields: fieldsOf([
      ['Service', detail.service],
      ['Event type', detail.eventTypeCode],
      ['Category', detail.eventTypeCategory],
      ['Scope', detail.eventScopeCode],
      ['Status', detail.statusCode],
      ['Affected entities', describeEntities(detail)],
      ['Start', detail.startTime && toIsoTime(detail.startTime, detail.startTime)],
      ['End', detail.endTime && toIsoTime(detail.endTime, detail.endTime)],
    ]),
    consoleUrl: healthEventUrl(detail.eventArn),
    // Health re-sends an event as it is updated: a new status or description is news.
    occurrence: [life.stateLabel, detail.lastUpdatedTime ?? detail.endTime ?? ''].join('#'),
    // Account notifications seldom close; a person resolves them.
    resolvableByEvent: detail.eventTypeCategory !== 'accountNotification',
    raw,
  };
}

/** `AWS Health Event` (aws.health): service issues, scheduled changes and account notifications. */
export const parseHealthEvent = schemaParser(healthEventSchema, 'AWS Health Event', toAlert);
