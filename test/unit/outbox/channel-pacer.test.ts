import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../../src/core/outbox/channel-pacer.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';

describe('createChannelPacer', () => {
  it('lets a burst through at once, then one post per interval, per channel', () => {
    const clock = createFakeClock();
    const pacer = createChannelPacer(clock, { intervalMs: 1000, burst: 3 });
    expect([1, 2, 3].map(() => pacer.reserve('C1', 0))).toEqual([0, 0, 0]);
    expect(pacer.reserve('C1', 0)).toBeUndefined();
    expect(pacer.waitFor('C1')).toBe(1000);
    expect(pacer.reserve('C2', 0)).toBe(0);
    expect(pacer.reserve('C1', 5000)).toBe(1000);
    expect(pacer.reserve('C1', 5000)).toBe(2000);
    clock.advance(3000);
    expect(pacer.reserve('C1', 0)).toBe(0);
    expect(pacer.reserve('C1', 0)).toBeUndefined();
  });

  it('does nothing when pacing is off', () => {
    const pacer = createChannelPacer(createFakeClock(), { intervalMs: 0, burst: 1 });
    expect(Array.from({ length: 10 }, () => pacer.reserve('C1', 0))).toEqual(Array(10).fill(0));
    expect(pacer.waitFor('C1')).toBe(0);
  });
});
