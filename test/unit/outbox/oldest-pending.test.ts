import { describe, expect, it } from 'vitest';
import { oldestPendingSeconds } from '../../../src/core/outbox/oldest-pending.ts';
import type { OutboxEntry } from '../../../src/model/outbox.ts';

const now = Date.parse('2024-05-20T12:00:00Z');
const entry = (createdAt: number, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  seq: 1,
  step: { kind: 'update-root' },
  createdAt,
  ...extra,
});

describe('oldestPendingSeconds', () => {
  it('is 0 when no outbox holds anything', () => {
    expect(oldestPendingSeconds([], now)).toBe(0);
    expect(oldestPendingSeconds([{ outbox: [] }, { outbox: [] }], now)).toBe(0);
  });

  it('is the age in whole seconds of the oldest entry across the outboxes, deferred ones included', () => {
    // Prepare
    const outboxes = [
      { outbox: [entry(now - 30_000)] },
      { outbox: [entry(now - 5_000), entry(now - 301_900, { notBefore: now + 1_000 })] },
    ];
    // Act
    const age = oldestPendingSeconds(outboxes, now);
    // Assess
    expect(age).toBe(301);
  });

  it('never goes below 0 when an entry was stamped by a clock slightly ahead', () => {
    expect(oldestPendingSeconds([{ outbox: [entry(now + 2_000)] }], now)).toBe(0);
  });
});
