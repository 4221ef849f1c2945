import {
  AccessDeniedException,
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GetJobRunCommand,
  GlueClient,
  ResourceNumberLimitExceededException,
  StartJobRunCommand,
  ThrottlingException,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rerunGlueJob } from '../../../src/aws/glue-rerun.ts';
import { glueFailedRun as failedRun } from '../../helpers/aws-responses.ts';

const glue = mockClient(GlueClient);
const jobName = 'Combine legistators data';
const jobRunId = 'jr_012e176506505074d94d761755e5c62538ee1aad6f17d39f527e9140cf0c9a5e';

beforeEach(() => glue.reset());

describe('rerunGlueJob', () => {
  it("starts the job with the failed run's arguments and sizing", async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: failedRun() });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_new' });

    const result = await rerunGlueJob({ glue: new GlueClient({}), jobName, jobRunId });

    expect(result).toEqual({ ok: true, jobName, previousRunId: jobRunId, newRunId: 'jr_new' });
    expect(glue.commandCalls(StartJobRunCommand)[0]?.args[0].input).toEqual({
      JobName: jobName,
      Arguments: failedRun().Arguments,
      WorkerType: 'G.1X',
      NumberOfWorkers: 10,
      Timeout: 2880,
    });
  });

  it('uses MaxCapacity for jobs without workers (Python shell)', async () => {
    glue.on(GetJobRunCommand).resolves({
      JobRun: failedRun({ WorkerType: undefined, NumberOfWorkers: undefined, MaxCapacity: 0.0625 }),
    });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_new' });

    await rerunGlueJob({ glue: new GlueClient({}), jobName, jobRunId });

    expect(glue.commandCalls(StartJobRunCommand)[0]?.args[0].input).toMatchObject({ MaxCapacity: 0.0625 });
  });

  it('does not start a run that is still running', async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: failedRun({ JobRunState: 'RUNNING' }) });

    const result = await rerunGlueJob({ glue: new GlueClient({}), jobName, jobRunId });

    expect(result).toMatchObject({ ok: false, reason: 'still-running' });
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
  });

  const $metadata = { httpStatusCode: 400 };
  it.each([
    [
      new ConcurrentRunsExceededException({ message: 'Concurrent runs exceeded for job', $metadata }),
      'concurrent-runs',
      'already running',
    ],
    [new EntityNotFoundException({ message: 'Job not found', $metadata }), 'not-found', 'was not found'],
    [
      new AccessDeniedException({ message: 'not authorized to perform: glue:StartJobRun', $metadata }),
      'access-denied',
      'not allowed',
    ],
    [new ThrottlingException({ message: 'Rate exceeded', $metadata }), 'throttled', 'throttling'],
    [
      new ResourceNumberLimitExceededException({ message: 'Limit exceeded', $metadata }),
      'limit-exceeded',
      'limit',
    ],
  ])('maps %s to a result, never a throw', async (error, reason, words) => {
    glue.on(GetJobRunCommand).resolves({ JobRun: failedRun() });
    glue.on(StartJobRunCommand).rejects(error);

    const result = await rerunGlueJob({ glue: new GlueClient({}), jobName, jobRunId });

    expect(result).toMatchObject({ ok: false, reason, message: expect.stringContaining(words) });
    expect(result.ok === false && result.message).not.toMatch(/\n\s+at /);
  });
});
