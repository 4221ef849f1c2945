import type { Clock } from '../../aws/poll.ts';

/**
 * Slack sustains about one message per second per channel and allows short bursts. Each call reserves the
 * channel's next slot (a generic cell rate: `intervalMs` apart on average, `burst` at once); the answer is
 * how long to wait for it, so a caller that must not wait can leave the call to a later drain.
 * In-process: several processes each keep their own pace.
 */
export interface ChannelPacer {
  /** Reserves a slot if it is due within `maxWaitMs`; the wait, or undefined when it is further away. */
  reserve(channel: string, maxWaitMs: number): number | undefined;
  /** How long until a slot is free, without reserving it. */
  waitFor(channel: string): number;
}

export interface ChannelPace {
  /** Average time between posts in one channel; 0 turns pacing off. */
  intervalMs: number;
  burst: number;
}

export const slackChannelPace: ChannelPace = { intervalMs: 1000, burst: 4 };

export function createChannelPacer(clock: Clock, pace: ChannelPace = slackChannelPace): ChannelPacer {
  const theoreticalArrival = new Map<string, number>();
  const tolerance = Math.max(0, pace.burst - 1) * pace.intervalMs;
  const waitAt = (channel: string, now: number) => {
    const tat = Math.max(now, theoreticalArrival.get(channel) ?? now);
    return { tat, wait: Math.max(0, tat - tolerance - now) };
  };
  return {
    waitFor(channel) {
      return pace.intervalMs <= 0 ? 0 : waitAt(channel, clock.now()).wait;
    },
    reserve(channel, maxWaitMs) {
      if (pace.intervalMs <= 0) return 0;
      const now = clock.now();
      const { tat, wait } = waitAt(channel, now);
      if (wait > maxWaitMs) return undefined;
      theoreticalArrival.set(channel, tat + pace.intervalMs);
      if (theoreticalArrival.size > 10_000) pruneBefore(theoreticalArrival, now);
      return wait;
    },
  };
}

function pruneBefore(slots: Map<string, number>, now: number) {
  for (const [channel, slot] of slots) if (slot < now) slots.delete(channel);
}
