import { AccessDeniedException, GetJobRunsCommand, GlueClient, type JobRun } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { decideOnRuns, findLatestFailedRun } from '../../../src/aws/glue-failed-run.ts';

/** Mocks every GlueClient's send, so the client under test is a plain one. */
const glue = mockClient(GlueClient);
const jobName = 'nightly-load';

/**
 * A run as the documented GetJobRuns response lists it (newest first), each shaped like GetJobRun's JobRun
 * (awscli/examples/glue/get-job-run.rst); finished runs carry CompletedOn.
 */
function run(Id: string, JobRunState: JobRun['JobRunState'], startedMinute: number): JobRun {
  const finished = !['STARTING', 'RUNNING', 'STOPPING', 'WAITING'].includes(JobRunState ?? '');
  return {
    Id,
    JobName: jobName,
    JobRunState,
    Attempt: 0,
    StartedOn: new Date(Date.UTC(2026, 10, 25, 14, startedMinute)),
    ...(finished ? { CompletedOn: new Date(Date.UTC(2026, 10, 25, 14, startedMinute + 5)) } : {}),
    LastModifiedOn: new Date(Date.UTC(2026, 10, 25, 14, startedMinute + 5)),
    Arguments: { '--day': '2026-11-25' },
    ExecutionTime: 300,
    GlueVersion: '4.0',
  };
}

const find = () => findLatestFailedRun({ glue: new GlueClient({ region: 'us-east-1' }), jobName });

beforeEach(() => glue.reset());

describe('findLatestFailedRun', () => {
  it.each(['FAILED', 'TIMEOUT', 'ERROR'] as const)(
    'takes the newest %s run, skipping stopped and expired runs newer than it',
    async (state) => {
      glue.on(GetJobRunsCommand).resolves({
        JobRuns: [run('jr_stopped', 'STOPPED', 30), run('jr_expired', 'EXPIRED', 20), run('jr_x', state, 10)],
      });

      expect(await find()).toEqual({ ok: true, jobRunId: 'jr_x' });
    },
  );

  it.each(['STARTING', 'RUNNING', 'STOPPING', 'WAITING'] as const)(
    'refuses when the newest run is %s: the job is running now',
    async (state) => {
      glue.on(GetJobRunsCommand).resolves({
        JobRuns: [run('jr_now', state, 30), run('jr_failed', 'FAILED', 10)],
      });

      const found = await find();

      expect(found).toMatchObject({ ok: false, reason: 'still-running' });
      expect(found.ok ? '' : found.message).toBe(
        `Glue job nightly-load is running now (run jr_now is ${state.toLowerCase()}): nothing was started. If it fails, rerun then.`,
      );
    },
  );

  it('refuses when the newest run succeeded, saying when', async () => {
    glue.on(GetJobRunsCommand).resolves({
      JobRuns: [run('jr_ok', 'SUCCEEDED', 30), run('jr_failed', 'FAILED', 10)],
    });

    const found = await find();

    expect(found).toEqual({
      ok: false,
      reason: 'latest-run-succeeded',
      message:
        "Glue job nightly-load's latest run (jr_ok) succeeded at 2026-11-25 14:35 UTC: nothing to rerun.",
    });
  });

  it('follows NextToken past pages without a deciding run', async () => {
    glue
      .on(GetJobRunsCommand, { JobName: jobName, NextToken: undefined })
      .resolves({ JobRuns: [run('jr_stopped', 'STOPPED', 30)], NextToken: 'page-2' })
      .on(GetJobRunsCommand, { JobName: jobName, NextToken: 'page-2' })
      .resolves({ JobRuns: [run('jr_old_failure', 'FAILED', 5)] });

    expect(await find()).toEqual({ ok: true, jobRunId: 'jr_old_failure' });
    expect(glue.commandCalls(GetJobRunsCommand)).toHaveLength(2);
  });

  it('answers no run when the job has none that failed or succeeded', async () => {
    glue.on(GetJobRunsCommand).resolves({ JobRuns: [run('jr_stopped', 'STOPPED', 30)] });

    expect(await find()).toEqual({ ok: true, jobRunId: undefined });
  });

  it('turns access denied into a sentence', async () => {
    glue.on(GetJobRunsCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));

    const found = await find();

    expect(found).toMatchObject({ ok: false, reason: 'access-denied' });
    expect(found.ok ? '' : found.message).toMatch(/not allowed to list the runs of Glue job nightly-load/);
  });
});

describe('decideOnRuns', () => {
  it('leaves an empty page or one of stopped runs undecided', () => {
    expect(decideOnRuns(jobName, [])).toBeUndefined();
    expect(decideOnRuns(jobName, [run('jr_stopped', 'STOPPED', 1)])).toBeUndefined();
  });

  it('falls back to the start time when a succeeded run has no completion time', () => {
    const { CompletedOn: _completed, ...succeeded } = run('jr_ok', 'SUCCEEDED', 30);

    const decided = decideOnRuns(jobName, [succeeded]);

    expect(decided?.ok ? '' : decided?.message).toContain('succeeded at 2026-11-25 14:30 UTC');
  });
});
