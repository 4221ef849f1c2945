import type { Clock } from '../../src/aws/poll.ts';

export interface FakeClock extends Clock {
  /** Every sleep requested, in order, in milliseconds. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

/** A clock whose sleeps return at once and move time forward: tests see pacing and backoff without waiting. */
export function createFakeClock(startMs = Date.parse('2024-05-20T12:00:00Z')): FakeClock {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      current += ms;
    },
  };
}
