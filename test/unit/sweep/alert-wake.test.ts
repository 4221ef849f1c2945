import { describe, expect, it } from 'vitest';
import { wakeAtOf } from '../../../src/model/alert-wake.ts';
import { sampleRecord } from '../buttons/sample-record.ts';

const at = (iso: string) => Date.parse(iso);
const escalation = {
  levels: [{ afterMinutes: 15, mentions: ['@oncall'] }],
  since: '2026-11-30T10:00:00.000Z',
  sent: 0,
  dueAt: '2026-11-30T10:15:00.000Z',
};
const entry = (createdAt: number, notBefore?: number) => ({
  seq: createdAt,
  step: { kind: 'update-root' as const },
  createdAt,
  ...(notBefore !== undefined ? { notBefore } : {}),
});

describe('when the sweep next has work for an alert (its wake index key)', () => {
  it('is nothing for an alert with an empty outbox and no reminder to come', () => {
    expect(wakeAtOf(sampleRecord({ outbox: [] }))).toBeUndefined();
  });

  it('is the earliest step: one due at once counts from when it was committed, a deferred one from its notBefore', () => {
    const record = sampleRecord({
      outbox: [
        entry(at('2026-11-30T10:05:00Z'), at('2026-11-30T10:20:00Z')),
        entry(at('2026-11-30T10:07:00Z')),
      ],
    });
    expect(wakeAtOf(record)).toBe(at('2026-11-30T10:07:00Z'));
  });

  it('is the next reminder of an open alert nobody acknowledged, or its outbox if that comes first', () => {
    expect(wakeAtOf(sampleRecord({ outbox: [], escalation }))).toBe(at('2026-11-30T10:15:00Z'));
    const sooner = sampleRecord({ outbox: [entry(at('2026-11-30T10:01:00Z'))], escalation });
    expect(wakeAtOf(sooner)).toBe(at('2026-11-30T10:01:00Z'));
  });

  it('leaves out the reminder of an acknowledged or resolved alert, and an escalation with every level sent', () => {
    const acknowledged = { userId: 'U1', userName: 'ana', at: '2026-11-30T10:02:00Z' };
    expect(wakeAtOf(sampleRecord({ outbox: [], escalation, acknowledged }))).toBeUndefined();
    expect(wakeAtOf(sampleRecord({ outbox: [], escalation, status: 'resolved' }))).toBeUndefined();
    const { dueAt: _spent, ...allSent } = { ...escalation, sent: 1 };
    expect(wakeAtOf(sampleRecord({ outbox: [], escalation: allSent }))).toBeUndefined();
  });
});
