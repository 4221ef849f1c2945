import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import { glueJobDetailShape, glueJobRunUrl } from './glue-job-state-change.ts';
import { fieldsOf, isRegionCode, occurredAt, type SnsNotificationInput, schemaParser } from './shared.ts';

const glueJobRunStatusSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      ...glueJobDetailShape(),
      startedOn: z.string().optional(),
      notificationCondition: z.looseObject({ NotifyDelayAfter: z.number().optional() }).optional(),
    }),
  ),
);
type GlueJobRunStatus = z.infer<ReturnType<typeof glueJobRunStatusSchema>>;

function toAlert(event: GlueJobRunStatus, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const { jobName, jobRunId, state, message, startedOn, notificationCondition } = event.detail;
  const region = isRegionCode(event.region) ? event.region : undefined;
  const delay = notificationCondition?.NotifyDelayAfter;
  return {
    source: 'glue',
    // The same key as `Glue Job State Change` (by job): the run's SUCCEEDED resolves this, a FAILED escalates it.
    key: `glue:${event.account ?? 'unknown'}:${event.region ?? 'unknown'}:${jobName}`,
    name: jobName,
    title: `Glue job ${jobName}`,
    state: 'firing',
    stateLabel: `${state} (delayed)`,
    severity: 'medium',
    account: event.account,
    region,
    resource: jobName,
    occurredAt: occurredAt(event.time, input),
    summary: `Run ${jobRunId} is still ${state}${delay === undefined ? '' : ` after its notify delay of ${delay} min`}${message ? `: ${message}` : ''}`,
    fields: fieldsOf([
      ['Job', jobName],
      ['Run', jobRunId],
      ['State', state],
      ['Started', startedOn],
      ['Notify delay (min)', delay],
      ['Glue severity', event.detail.severity],
    ]),
    consoleUrl: region ? glueJobRunUrl(region, jobName, jobRunId) : undefined,
    occurrence: `${jobRunId}#delayed`,
    resolvableByEvent: true,
    raw,
  };
}

/** `Glue Job Run Status` (aws.glue): a run still going past its job's notify-delay threshold. */
export const parseGlueJobRunStatusEvent = schemaParser(
  glueJobRunStatusSchema,
  'Glue Job Run Status event',
  toAlert,
);
