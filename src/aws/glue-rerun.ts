import { GetJobRunCommand, type GlueClient, type JobRun, StartJobRunCommand } from '@aws-sdk/client-glue';
import { describeAwsError, errorName } from './aws-errors.ts';

export const GlueRerunFailures = {
  notFound: 'not-found',
  stillRunning: 'still-running',
  concurrentRuns: 'concurrent-runs',
  accessDenied: 'access-denied',
  throttled: 'throttled',
  limitExceeded: 'limit-exceeded',
  other: 'other',
} as const;
export type GlueRerunFailure = (typeof GlueRerunFailures)[keyof typeof GlueRerunFailures];

export type GlueRerunResult =
  | { ok: true; jobName: string; previousRunId: string; newRunId: string }
  | { ok: false; reason: GlueRerunFailure; message: string };

const failureByErrorName: Record<string, GlueRerunFailure> = {
  EntityNotFoundException: 'not-found',
  ConcurrentRunsExceededException: 'concurrent-runs',
  AccessDeniedException: 'access-denied',
  ThrottlingException: 'throttled',
  ResourceNumberLimitExceededException: 'limit-exceeded',
};

/** States in which the run is still going: starting it again would only race it. */
const unfinishedStates = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);

/**
 * Starts the job again the way the failed run was started: same arguments and capacity, so a rerun from
 * a Slack button repeats the run rather than the job's defaults.
 */
export async function rerunGlueJob(input: {
  glue: GlueClient;
  jobName: string;
  jobRunId: string;
}): Promise<GlueRerunResult> {
  const { glue, jobName, jobRunId } = input;
  const resource = `Glue job ${jobName}`;
  try {
    const previous = await glue.send(new GetJobRunCommand({ JobName: jobName, RunId: jobRunId }));
    const run = previous.JobRun;
    if (!run)
      return { ok: false, reason: 'not-found', message: `Run ${jobRunId} of ${resource} was not found.` };
    if (unfinishedStates.has(run.JobRunState ?? '')) {
      const state = run.JobRunState?.toLowerCase();
      return {
        ok: false,
        reason: 'still-running',
        message: `Run ${jobRunId} of ${resource} is still ${state}.`,
      };
    }
    const started = await glue.send(new StartJobRunCommand(buildStartJobRunInput(jobName, run)));
    return { ok: true, jobName, previousRunId: jobRunId, newRunId: started.JobRunId ?? '' };
  } catch (error) {
    return describeGlueFailure(error, { action: `rerun ${resource}`, resource });
  }
}

/** A Glue error as a reason the caller can act on (free the lock, say why) and one sentence for people. */
export function describeGlueFailure(
  error: unknown,
  context: { action: string; resource: string },
): { ok: false; reason: GlueRerunFailure; message: string } {
  const reason = failureByErrorName[errorName(error) ?? ''] ?? 'other';
  return { ok: false, reason, message: describeAwsError(error, context) };
}

export function buildStartJobRunInput(jobName: string, run: JobRun) {
  return {
    JobName: jobName,
    Arguments: run.Arguments,
    // Glue refuses MaxCapacity together with WorkerType/NumberOfWorkers; it is the only sizing for Python shell jobs.
    ...(run.WorkerType && run.NumberOfWorkers !== undefined
      ? { WorkerType: run.WorkerType, NumberOfWorkers: run.NumberOfWorkers }
      : run.MaxCapacity !== undefined
        ? { MaxCapacity: run.MaxCapacity }
        : {}),
    ...(run.Timeout !== undefined ? { Timeout: run.Timeout } : {}),
  };
}
