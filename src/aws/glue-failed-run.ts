import { GetJobRunsCommand, type GlueClient } from '@aws-sdk/client-glue';
import { describeGlueFailure, type GlueRerunFailure } from './glue-rerun.ts';

export type FailedRunResult =
  | { ok: true; jobRunId: string | undefined }
  | { ok: false; reason: GlueRerunFailure; message: string };

/** Run states that a rerun repairs; STOPPED was someone's decision and SUCCEEDED needs nothing. */
const failedStates = new Set(['FAILED', 'TIMEOUT', 'ERROR']);

/** Runs looked at before giving up: an alarm is about a recent failure, not one hundreds of runs ago. */
const pageSize = 100;
const maxPages = 3;

/**
 * The newest failed run of a job, for an alarm the configuration maps to it (the alarm names no run).
 * GetJobRuns lists runs newest first, so the first failed run met is the latest one.
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
      const failed = JobRuns.find((run) => failedStates.has(run.JobRunState ?? ''));
      if (failed?.Id) return { ok: true, jobRunId: failed.Id };
      if (!NextToken) break;
      nextToken = NextToken;
    }
    return { ok: true, jobRunId: undefined };
  } catch (error) {
    const resource = `Glue job ${jobName}`;
    return describeGlueFailure(error, { action: `list the runs of ${resource}`, resource });
  }
}
