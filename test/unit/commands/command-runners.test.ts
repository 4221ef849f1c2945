import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCommandJob, type CommandJob } from '../../../src/core/commands/command-job.ts';
import { createInProcessRunner } from '../../../src/core/commands/command-runner.ts';
import {
  createLambdaInvokeRunner,
  readCommandInvocation,
} from '../../../src/core/commands/lambda-invoke-runner.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';

const job: CommandJob = buildCommandJob(
  {
    command: '/klaxon',
    text: "athena resource \"x' OR '1'='1\"",
    user_id: 'U0ONCALL01',
    user_name: 'oncall',
    channel_id: 'C0ALERTS01',
    team_id: 'T0KLAXON1',
    response_url: 'https://hooks.slack.com/commands/T0KLAXON1/1/abc',
  },
  new Date('2024-05-20T12:00:00Z'),
);

describe('createLambdaInvokeRunner', () => {
  const lambda = mockClient(LambdaClient);
  beforeEach(() => lambda.reset());

  it('queues the job as an asynchronous Event invocation the worker can read back', async () => {
    // Invoke with InvocationType Event answers 202 with an empty payload (Lambda API reference).
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const runner = createLambdaInvokeRunner({ lambda: new LambdaClient({}), functionName: 'klaxon-worker' });

    await runner.dispatch(job);

    const input = lambda.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'klaxon-worker', InvocationType: 'Event' });
    const event = JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array));
    expect(readCommandInvocation(event)).toEqual(job);
  });

  it('fails the dispatch when Lambda did not queue it', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200 });
    const runner = createLambdaInvokeRunner({ lambda: new LambdaClient({}), functionName: 'klaxon-worker' });

    await expect(runner.dispatch(job)).rejects.toThrow(/did not queue/);
  });

  it('reads nothing from an event that is not a command', () => {
    expect(
      readCommandInvocation({ type: 'klaxon-command', job: { ...job, responseUrl: 'nope' } }),
    ).toBeUndefined();
    expect(readCommandInvocation({ Records: [] })).toBeUndefined();
  });
});

describe('createInProcessRunner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns from dispatch before the work is done, and drain waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done: string[] = [];
    const runner = createInProcessRunner({
      work: async (j) => {
        await gate;
        done.push(j.text);
      },
      logger: createSilentLogger(),
      notifyFailure: async () => {},
    });

    await runner.dispatch(job);
    expect(runner.inFlight()).toBe(1);
    const drained = runner.drain();
    release();
    await drained;

    expect(done).toEqual([job.text]);
    expect(runner.inFlight()).toBe(0);
  });

  it('tells the user when the work throws', async () => {
    const notified: CommandJob[] = [];
    const runner = createInProcessRunner({
      work: async () => {
        throw new Error('boom');
      },
      logger: createSilentLogger(),
      notifyFailure: async (j) => {
        notified.push(j);
      },
    });

    await runner.dispatch(job);
    await runner.drain();

    expect(notified).toEqual([job]);
  });

  it('aborts work that outlasts the drain timeout, so it can stop and say so', async () => {
    vi.useFakeTimers();
    const runner = createInProcessRunner({
      work: (_j, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
      logger: createSilentLogger(),
      notifyFailure: async () => {},
    });

    await runner.dispatch(job);
    const drained = runner.drain(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await drained;

    expect(runner.inFlight()).toBe(0);
  });
});
