import { GetJobRunsCommand, type GlueClient, type JobRun } from '@aws-sdk/client-glue';
import { describeGlueFailure, type GlueRerunFailure } from './glue-rerun.ts';

/** Why a mapped alarm's job has no run to rerun now, beyond a Glue error. */
export type LatestRunRefusal = 'still-running' | 'latest-run-succeeded';

export type FailedRunResult =
  | { ok: true; jobRunId: string | undefined }
  | { ok: false; reason: GlueRerunFailure | LatestRunRefusal; message: string };

/** Run states that a rerun repairs. */
const failedStates = new Set(['FAILED', 'TIMEOUT', 'ERROR']);
/** The job is at work: a rerun would race it (and may exceed its concurrent runs). */
const activeStates = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);
// Skipped on the way to an older run: STOPPED (someone's decision) and EXPIRED say nothing of the job's health.

/** Runs looked at before giving up: an alarm is about a recent failure, not one hundreds of runs ago. */
const pageSize = 100;
const maxPages = 3;

/**
 * The run to rerun for an alarm the configuration maps to a job (the alarm names no run). GetJobRuns lists
 * runs newest first (documented), so the first run met that says something decides: a failure is the one to
 * rerun, while a newer run at work or a newer success means there is nothing to rerun now.
 */
export async function findLatestFailedRun(input: {
  glue: GlueClient;
  jobName: string;
}): Promise<FailedRunResult> {
  const { glue, jobName } = input;
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < maxPages; page++) {
      const command = new GetJobRunsCommand({ JobName: jobName, MaxResults: pageSize, NextToken: nextToken });
      const { JobRuns = [], NextToken } = await glue.send(command);
      const decided = decideOnRuns(jobName, JobRuns);
      if (decided) return decided;
      if (!NextToken) break;
      nextToken = NextToken;
    }
    return { ok: true, jobRunId: undefined };
  } catch (error) {
    const resource = `Glue job ${jobName}`;
    return describeGlueFailure(error, { action: `list the runs of ${resource}`, resource });
  }
}

/** The answer from one page of runs (newest first), or `undefined` when none of them decides. */
export function decideOnRuns(jobName: string, runs: JobRun[]): FailedRunResult | undefined {
  const deciding = runs.find((run) => isDeciding(run.JobRunState));
  if (!deciding?.Id) return undefined;
  const state = deciding.JobRunState ?? '';
  if (failedStates.has(state)) return { ok: true, jobRunId: deciding.Id };
  if (activeStates.has(state)) {
    const run = `run ${deciding.Id} is ${state.toLowerCase()}`;
    const message = `Glue job ${jobName} is running now (${run}): nothing was started. If it fails, rerun then.`;
    return { ok: false, reason: 'still-running', message };
  }
  const when = formatRunTime(deciding.CompletedOn ?? deciding.StartedOn);
  const message = `Glue job ${jobName}'s latest run (${deciding.Id}) succeeded${when}: nothing to rerun.`;
  return { ok: false, reason: 'latest-run-succeeded', message };
}

function isDeciding(state: string | undefined): boolean {
  return state === 'SUCCEEDED' || failedStates.has(state ?? '') || activeStates.has(state ?? '');
}

/** " at 2026-11-25 02:05 UTC": people read it in Slack, where an ISO timestamp is noise. */
function formatRunTime(at: Date | undefined): string {
  if (!at || Number.isNaN(at.getTime())) return '';
  return ` at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
