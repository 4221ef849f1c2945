import * as z from 'zod';
import type { AlertHeadline, AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  logGroupConsoleUrl,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
} from './shared.ts';

/** The detail fields Glue's job events share (Job State Change and Job Run Status). */
export const glueJobDetailShape = () => ({
  jobName: z.string(),
  jobRunId: z.string(),
  state: z.string(),
  severity: z.string().optional(),
  message: z.string().optional(),
});

const glueJobStateChangeSchema = lazy(() => envelopeWith(z.looseObject(glueJobDetailShape())));
type GlueJobStateChange = z.infer<ReturnType<typeof glueJobStateChangeSchema>>;

interface GlueOutcome {
  state: AlertState;
  severity: Severity;
  /** A run that ended badly can be started again from Slack. */
  rerunnable: boolean;
}

/** STOPPED is usually someone's decision, so it pages less loudly than a failure. */
const glueOutcomes: Record<string, GlueOutcome> = {
  FAILED: { state: 'firing', severity: 'high', rerunnable: true },
  TIMEOUT: { state: 'firing', severity: 'high', rerunnable: true },
  ERROR: { state: 'firing', severity: 'high', rerunnable: true },
  STOPPED: { state: 'firing', severity: 'medium', rerunnable: true },
  SUCCEEDED: { state: 'recovered', severity: 'info', rerunnable: false },
};

const otherGlueState: GlueOutcome = { state: 'informational', severity: 'info', rerunnable: false };

export function glueJobRunUrl(region: string, jobName: string, jobRunId: string): string {
  const path = `#/job/${encodeURIComponent(jobName)}/run/${encodeURIComponent(jobRunId)}`;
  return `${consoleBase(region)}/gluestudio/home?region=${region}${path}`;
}

function glueFieldsOf(detail: GlueJobStateChange['detail']) {
  return fieldsOf([
    ['Job', detail.jobName],
    ['Run', detail.jobRunId],
    ['State', detail.state],
    ['Glue severity', detail.severity],
  ]);
}

/** Glue's message repeats the job and run ("JobName:x and JobRunId:y failed to execute with exception z"). */
function describeGlueHeadline(message: string | undefined): AlertHeadline | undefined {
  if (!message) return undefined;
  const exception = /failed to execute with exception ([\s\S]+)$/.exec(message)?.[1];
  return { text: exception ? `Failed: ${exception.trim()}` : message };
}

/** A run's driver errors go to the `/aws-glue/jobs/error` log group, in a stream named by the run id. */
export function glueRunLogsUrl(region: string, jobRunId: string): string {
  return logGroupConsoleUrl(region, '/aws-glue/jobs/error', jobRunId);
}

function toAlert(event: GlueJobStateChange, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const { jobName, jobRunId, state, message } = event.detail;
  const outcome = glueOutcomes[state] ?? otherGlueState;
  const region = isRegionCode(event.region) ? event.region : undefined;
  return {
    source: 'glue',
    // Keyed by job, not run: the next SUCCEEDED run resolves whatever failure is open for the job.
    key: `glue:${event.account ?? 'unknown'}:${event.region ?? 'unknown'}:${jobName}`,
    name: jobName,
    title: `Glue job ${jobName}`,
    state: outcome.state,
    stateLabel: state,
    severity: outcome.severity,
    account: event.account,
    region,
    resource: jobName,
    occurredAt: occurredAt(event.time, input),
    summary: message ?? `Job run ${jobRunId} ${state}`,
    fields: glueFieldsOf(event.detail),
    consoleUrl: region ? glueJobRunUrl(region, jobName, jobRunId) : undefined,
    logsUrl: region ? glueRunLogsUrl(region, jobRunId) : undefined,
    headline: describeGlueHeadline(message),
    occurrence: jobRunId,
    glueRun: outcome.rerunnable ? { jobName, jobRunId } : undefined,
    resolvableByEvent: true,
    raw,
  };
}

/** `Glue Job State Change` (aws.glue): a job run reached a final state. */
export const parseGlueJobEvent = schemaParser(
  glueJobStateChangeSchema,
  'Glue Job State Change event',
  toAlert,
);
