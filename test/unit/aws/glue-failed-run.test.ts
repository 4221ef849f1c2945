import { AccessDeniedException, GetJobRunsCommand, GlueClient, type JobRun } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { findLatestFailedRun } from '../../../src/aws/glue-failed-run.ts';

/** Mocks every GlueClient's send, so the client under test is a plain one. */
const glue = mockClient(GlueClient);
const jobName = 'nightly-load';

/** The documented GetJobRuns response: runs newest first, each shaped like GetJobRun's JobRun. */
function run(Id: string, JobRunState: JobRun['JobRunState'], startedMinute: number): JobRun {
  return {
    Id,
    JobName: jobName,
    JobRunState,
    Attempt: 0,
    StartedOn: new Date(Date.UTC(2026, 10, 25, 14, startedMinute)),
    Arguments: { '--day': '2026-11-25' },
  };
}

beforeEach(() => glue.reset());

describe('findLatestFailedRun', () => {
  it.each(['FAILED', 'TIMEOUT', 'ERROR'] as const)(
    'takes the newest %s run, skipping others',
    async (state) => {
      glue.on(GetJobRunsCommand).resolves({
        JobRuns: [run('jr_running', 'RUNNING', 30), run('jr_stopped', 'STOPPED', 20), run('jr_x', state, 10)],
      });

      const found = await findLatestFailedRun({ glue: new GlueClient({ region: 'us-east-1' }), jobName });

      expect(found).toEqual({ ok: true, jobRunId: 'jr_x' });
    },
  );

  it('follows NextToken until it finds one', async () => {
    glue
      .on(GetJobRunsCommand, { JobName: jobName, NextToken: undefined })
      .resolves({ JobRuns: [run('jr_ok', 'SUCCEEDED', 30)], NextToken: 'page-2' })
      .on(GetJobRunsCommand, { JobName: jobName, NextToken: 'page-2' })
      .resolves({ JobRuns: [run('jr_old_failure', 'FAILED', 5)] });

    const found = await findLatestFailedRun({ glue: new GlueClient({ region: 'us-east-1' }), jobName });

    expect(found).toEqual({ ok: true, jobRunId: 'jr_old_failure' });
    expect(glue.commandCalls(GetJobRunsCommand)).toHaveLength(2);
  });

  it('answers no run when none failed', async () => {
    glue.on(GetJobRunsCommand).resolves({ JobRuns: [run('jr_ok', 'SUCCEEDED', 30)] });

    const found = await findLatestFailedRun({ glue: new GlueClient({ region: 'us-east-1' }), jobName });

    expect(found).toEqual({ ok: true, jobRunId: undefined });
  });

  it('turns access denied into a sentence', async () => {
    glue.on(GetJobRunsCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));

    const found = await findLatestFailedRun({ glue: new GlueClient({ region: 'us-east-1' }), jobName });

    expect(found).toMatchObject({ ok: false, reason: 'access-denied' });
    expect(found.ok ? '' : found.message).toMatch(/not allowed to list the runs of Glue job nightly-load/);
  });
});
