import * as z from 'zod';
import type { AlertField, AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
} from './shared.ts';

const emrStepStatusChangeSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      clusterId: z.string(),
      stepId: z.string(),
      name: z.string(),
      state: z.string(),
      actionOnFailure: z.string().optional(),
      severity: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
);
type EmrStepStatusChange = z.infer<ReturnType<typeof emrStepStatusChangeSchema>>;

interface EmrOutcome {
  state: AlertState;
  severity: Severity;
  /** Only a later COMPLETED of the same step name clears a failure, and that may never come. */
  resolvableByEvent: boolean;
}

/**
 * CANCELLED comes from someone's cancel request, so it is recorded, not raised. INTERRUPTED means the cluster
 * went away under the step (termination, lost capacity): nobody asked for it, so it raises at medium.
 */
const emrOutcomes: Record<string, EmrOutcome> = {
  FAILED: { state: 'firing', severity: 'high', resolvableByEvent: false },
  INTERRUPTED: { state: 'firing', severity: 'medium', resolvableByEvent: false },
  COMPLETED: { state: 'recovered', severity: 'info', resolvableByEvent: true },
};

const otherEmrState: EmrOutcome = { state: 'informational', severity: 'info', resolvableByEvent: true };

export function emrClusterUrl(region: string, clusterId: string): string {
  return `${consoleBase(region)}/emr/home?region=${region}#/clusterDetails/${encodeURIComponent(clusterId)}`;
}

function emrFieldsOf(detail: EmrStepStatusChange['detail']): AlertField[] {
  return fieldsOf([
    ['Cluster', detail.clusterId],
    ['Step', `${detail.stepId} (${detail.name})`],
    ['State', detail.state],
    ['Action on failure', detail.actionOnFailure],
    ['EMR severity', detail.severity],
  ]);
}

function toAlert(event: EmrStepStatusChange, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const { clusterId, stepId, name, state, message } = event.detail;
  const outcome = emrOutcomes[state] ?? otherEmrState;
  const region = isRegionCode(event.region) ? event.region : undefined;
  return {
    source: 'emr',
    key: `emr:${event.account ?? 'unknown'}:${event.region ?? 'unknown'}:${clusterId}:${name}`,
    name,
    title: `EMR step ${name}`,
    state: outcome.state,
    stateLabel: state,
    severity: outcome.severity,
    account: event.account,
    region,
    resource: `${clusterId} / ${stepId}`,
    occurredAt: occurredAt(event.time, input),
    summary: message ?? `Step ${stepId} (${name}) ${state}`,
    fields: emrFieldsOf(event.detail),
    consoleUrl: region ? emrClusterUrl(region, clusterId) : undefined,
    occurrence: stepId,
    resolvableByEvent: outcome.resolvableByEvent,
    raw,
  };
}

/** `EMR Step Status Change` (aws.emr). */
export const parseEmrStepEvent = schemaParser(
  emrStepStatusChangeSchema,
  'EMR Step Status Change event',
  toAlert,
);
