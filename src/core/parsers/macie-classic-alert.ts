import * as z from 'zod';
import type { NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import { fieldsOf, isRegionCode, occurredAt, type SnsNotificationInput, schemaParser } from './shared.ts';

/**
 * Macie Classic's CloudWatch Events alert (`Macie Alert`, aws.macie), as its user guide documents it. Macie
 * Classic was retired in 2020; an account that still routes its old rule to Klaxon gets a readable alert.
 */
const macieClassicAlertSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      'notification-type': z.string().optional(),
      name: z.string(),
      tags: z.array(z.string()).optional(),
      url: z.string().optional(),
      'alert-arn': z.string(),
      'risk-score': z.number().optional(),
      trigger: z
        .looseObject({
          'alert-type': z.string().optional(),
          description: z.string().optional(),
          risk: z.number().optional(),
        })
        .optional(),
      'created-at': z.string().optional(),
      actor: z.string().optional(),
    }),
  ),
);
type MacieClassicAlert = z.infer<ReturnType<typeof macieClassicAlertSchema>>;

/** Macie Classic rates risk from 1 (lowest) to 10 (highest). */
function severityOf(risk: number | undefined): Severity {
  if (risk === undefined) return 'medium';
  if (risk >= 9) return 'critical';
  if (risk >= 7) return 'high';
  if (risk >= 4) return 'medium';
  return 'low';
}

function toAlert(event: MacieClassicAlert, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const detail = event.detail;
  const risk = detail['risk-score'] ?? detail.trigger?.risk;
  return {
    source: 'macie',
    key: `macie:classic:${detail['alert-arn']}`,
    name: detail.name,
    title: `Macie Classic: ${detail.name}`,
    state: 'firing',
    stateLabel: detail['notification-type'] ?? 'Macie Alert',
    severity: severityOf(risk),
    account: event.account,
    region: isRegionCode(event.region) ? event.region : undefined,
    occurredAt: occurredAt(event.time, input),
    summary: detail.trigger?.description ?? detail.name,
    fields: fieldsOf([
      ['Risk', risk === undefined ? undefined : `${risk} of 10`],
      ['Alert type', detail.trigger?.['alert-type']],
      ['Actor', detail.actor],
      ['Tags', detail.tags?.join(', ')],
    ]),
    ...(detail.url?.startsWith('https://') ? { consoleUrl: detail.url } : {}),
    occurrence: `${detail['notification-type'] ?? 'alert'}#${detail['created-at'] ?? event.time ?? ''}`,
    // Macie Classic sends no event when an alert is dealt with: a person resolves it.
    resolvableByEvent: false,
    raw,
  };
}

/** `Macie Alert` (aws.macie): the retired Macie Classic's alerts. */
export const parseMacieClassicAlertEvent = schemaParser(
  macieClassicAlertSchema,
  'Macie Alert event',
  toAlert,
);
