import { describe, expect, it } from 'vitest';
import {
  defaultOutboxSettings,
  dueEntries,
  nextDueAt,
  planOutbox,
} from '../../../src/core/outbox/plan-outbox.ts';
import type { SlackStep } from '../../../src/model/outbox.ts';
import type { AlertRecord } from '../../../src/model/records.ts';
import type { ThreadReply } from '../../../src/model/thread-reply.ts';
import { alice, sampleRecord, t0 } from '../buttons/sample-record.ts';

const settings = { ...defaultOutboxSettings, callsPerWindow: 2, windowMs: 60_000 };
const at = (seconds: number) => t0.getTime() + seconds * 1000;

function stateChange(record: AlertRecord, label: string): SlackStep[] {
  const reply: ThreadReply = {
    kind: 'state-changed',
    alert: { ...record.alert, stateLabel: label, summary: `went ${label}` },
  };
  return [{ kind: 'update-root' }, { kind: 'reply', reply }];
}

describe('planOutbox', () => {
  it('queues steps in order with increasing sequence numbers, due at once within the budget', () => {
    const record = planOutbox(sampleRecord(), [{ kind: 'post-root' }], at(0), settings);
    expect(record.outbox).toEqual([{ seq: 1, step: { kind: 'post-root' }, createdAt: at(0) }]);
    expect(record.slackBudget).toEqual({ windowStart: at(0), used: 0 });
  });

  it('folds state changes beyond the budget into one digest and one root update, due when the window ends', () => {
    let record = planOutbox(sampleRecord(), [{ kind: 'post-root' }], at(0), settings);
    record = { ...record, outbox: [] };
    for (const [i, label] of ['OK', 'ALARM', 'OK', 'ALARM'].entries()) {
      record = planOutbox(record, stateChange(record, label), at(i + 1), settings);
    }
    const digest = record.outbox.find((e) => e.step.kind === 'reply' && e.step.reply.kind === 'digest');
    expect(digest).toMatchObject({ notBefore: at(60) });
    // The first change fits the budget (its root update and reply); the three after it are folded.
    expect(digest?.step).toMatchObject({ reply: { kind: 'digest', total: 3 } });
    expect(record.outbox.filter((e) => e.step.kind === 'update-root')).toHaveLength(1);
    expect(dueEntries(record, at(5)).map((e) => e.step.kind)).toEqual(['reply', 'update-root']);
    expect(nextDueAt(record)).toBe(at(60));
  });

  it('never folds or counts a person’s action', () => {
    const spent = { ...sampleRecord(), slackBudget: { windowStart: at(0), used: 2 } };
    const reply: ThreadReply = { kind: 'acknowledged', by: alice, at: t0.toISOString() };
    const record = planOutbox(spent, [{ kind: 'update-root' }, { kind: 'reply', reply }], at(1), settings, {
      exempt: true,
    });
    expect(dueEntries(record, at(1)).map((e) => e.step.kind)).toEqual(['update-root', 'reply']);
    expect(record.slackBudget).toEqual({ windowStart: at(0), used: 2 });
  });

  it('replaces a pending root update with a fresh one, so a drain already drawing the old state cannot hide this change', () => {
    const first = planOutbox(sampleRecord(), [{ kind: 'update-root' }], at(0), settings, { exempt: true });
    const second = planOutbox(first, [{ kind: 'update-root' }], at(1), settings, { exempt: true });
    expect(second.outbox.map((e) => e.seq)).toEqual([2]);
  });

  it('defers a coalesced root update to its time and keeps one', () => {
    const once = planOutbox(sampleRecord(), [{ kind: 'update-root' }], at(0), settings, {
      notBefore: at(30),
    });
    const twice = planOutbox(once, [{ kind: 'update-root' }], at(1), settings, { notBefore: at(31) });
    expect(twice.outbox).toEqual([
      { seq: 1, step: { kind: 'update-root' }, createdAt: at(0), notBefore: at(30) },
    ]);
  });

  it('counts deferred steps that come due against the next window', () => {
    let record: AlertRecord = { ...sampleRecord(), slackBudget: { windowStart: at(0), used: 2 } };
    record = planOutbox(record, stateChange(record, 'OK'), at(1), settings);
    record = planOutbox(record, stateChange(record, 'ALARM'), at(61), settings);
    expect(record.slackBudget).toEqual({ windowStart: at(61), used: 2 });
  });
});

describe('planOutbox while Slack is down for long', () => {
  it('keeps the outbox bounded: past maxEntries every reply folds into the digest', () => {
    const bounded = { ...settings, callsPerWindow: 1_000, maxEntries: 5 };
    let record = sampleRecord();
    for (let i = 0; i < 50; i++)
      record = planOutbox(record, stateChange(record, i % 2 ? 'OK' : 'ALARM'), at(i), bounded);
    expect(record.outbox.length).toBeLessThanOrEqual(bounded.maxEntries + 2);
    const digest = record.outbox.find((e) => e.step.kind === 'reply' && e.step.reply.kind === 'digest');
    const live = record.outbox.filter(
      (e) => e.step.kind === 'reply' && e.step.reply.kind === 'state-changed',
    );
    expect(
      live.length +
        (digest?.step.kind === 'reply' && digest.step.reply.kind === 'digest' ? digest.step.reply.total : 0),
    ).toBe(50);
  });
});
