import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../../src/aws/aws-errors.ts';
import { pollUntil } from '../../../src/aws/poll.ts';
import { callWithThrottleRetry, createRequestPacer } from '../../../src/aws/throttle.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('pollUntil', () => {
  it('backs off from 1 s to at most 5 s and never sleeps past the deadline', async () => {
    const clock = createFakeClock();
    const outcome = await pollUntil({
      check: async () => 'RUNNING',
      isDone: () => false,
      clock,
      deadline: clock.now() + 12_000,
    });

    expect(outcome).toMatchObject({
      kind: 'cut-off',
      reason: 'deadline',
      last: 'RUNNING',
      elapsedMs: 12_000,
    });
    expect(clock.sleeps).toEqual([1000, 1500, 2250, 3375, 3875]);
  });
});

describe('throttling helpers', () => {
  it('paces concurrent callers of one key 500 ms apart, other keys independently', async () => {
    const clock = createFakeClock();
    const pacer = createRequestPacer({ clock, minIntervalMs: 500 });
    await Promise.all([
      pacer.waitTurn('us-east-1'),
      pacer.waitTurn('us-east-1'),
      pacer.waitTurn('eu-west-1'),
    ]);
    expect(clock.sleeps).toEqual([500]);
  });

  it('gives up after the last attempt and rethrows the throttling error', async () => {
    const clock = createFakeClock();
    await expect(
      callWithThrottleRetry(async () => Promise.reject(throttled()), { clock, maxAttempts: 3 }),
    ).rejects.toThrow('Rate exceeded');
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('does not retry other errors', async () => {
    const clock = createFakeClock();
    const denied = Object.assign(new Error('nope'), { name: 'AccessDeniedException' });
    await expect(callWithThrottleRetry(async () => Promise.reject(denied), { clock })).rejects.toBe(denied);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('describeAwsError', () => {
  it('keeps unknown errors to one line without a stack', () => {
    const error = Object.assign(new Error('first line\n    at secret (file.ts:1:1)'), {
      name: 'WeirdException',
    });
    expect(describeAwsError(error, { action: 'do a thing' })).toBe(
      'AWS error WeirdException while trying to do a thing: first line',
    );
  });
});
