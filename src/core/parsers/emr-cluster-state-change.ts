import * as z from 'zod';
import type { AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { emrClusterUrl } from './emr-step-status-change.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  fieldsOf,
  isRegionCode,
  occurredAt,
  parseJson,
  type SnsNotificationInput,
  schemaParser,
} from './shared.ts';

const emrClusterStateChangeSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      clusterId: z.string(),
      name: z.string().optional(),
      state: z.string(),
      severity: z.string().optional(),
      message: z.string().optional(),
      /** A JSON document in a string: `{"code":"USER_REQUEST","message":"Terminated by user request"}`. */
      stateChangeReason: z.string().optional(),
    }),
  ),
);
type EmrClusterStateChange = z.infer<ReturnType<typeof emrClusterStateChangeSchema>>;

const reasonSchema = lazy(() =>
  z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
);

function reasonOf(text: string | undefined): { code?: string; message?: string } {
  const parsed = reasonSchema().safeParse(parseJson(text));
  return parsed.success ? parsed.data : {};
}

/** EMR rates a plain TERMINATED by its reason (INFO for a user request or all steps done); trust that rating. */
const worryingEmrSeverities = new Set(['WARN', 'ERROR', 'CRITICAL']);

function outcomeOf(detail: EmrClusterStateChange['detail']): { state: AlertState; severity: Severity } {
  if (detail.state === 'TERMINATED_WITH_ERRORS') return { state: 'firing', severity: 'critical' };
  if (detail.state === 'TERMINATED' && worryingEmrSeverities.has(detail.severity ?? '')) {
    return { state: 'firing', severity: 'medium' };
  }
  return { state: 'informational', severity: 'info' };
}

function toAlert(event: EmrClusterStateChange, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const detail = event.detail;
  const outcome = outcomeOf(detail);
  const reason = reasonOf(detail.stateChangeReason);
  const region = isRegionCode(event.region) ? event.region : undefined;
  const label = detail.name ? `${detail.name} (${detail.clusterId})` : detail.clusterId;
  return {
    source: 'emr',
    key: `emr:${event.account ?? 'unknown'}:${event.region ?? 'unknown'}:cluster:${detail.clusterId}`,
    name: detail.name ?? detail.clusterId,
    title: `EMR cluster ${label}`,
    ...outcome,
    stateLabel: detail.state,
    account: event.account,
    region,
    resource: detail.clusterId,
    occurredAt: occurredAt(event.time, input),
    summary: detail.message ?? `Cluster ${label} ${detail.state}`,
    fields: fieldsOf([
      ['Cluster', label],
      ['State', detail.state],
      ['Reason', [reason.code, reason.message].filter(Boolean).join(': ')],
      ['EMR severity', detail.severity],
    ]),
    consoleUrl: region ? emrClusterUrl(region, detail.clusterId) : undefined,
    occurrence: `${detail.clusterId}#${detail.state}`,
    // A terminated cluster never runs again (a new cluster gets a new id): nothing will resolve it but a person.
    resolvableByEvent: false,
    raw,
  };
}

/** `EMR Cluster State Change` (aws.emr): raises clusters that terminated with errors. */
export const parseEmrClusterEvent = schemaParser(
  emrClusterStateChangeSchema,
  'EMR Cluster State Change event',
  toAlert,
);
