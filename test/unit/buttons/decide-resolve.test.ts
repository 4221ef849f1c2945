import { describe, expect, it } from 'vitest';
import {
  decideReopen,
  decideResolve,
  refuseManualResolve,
} from '../../../src/core/buttons/decide-resolve.ts';
import type { AlertChange } from '../../../src/model/alert-change.ts';
import { alice, bob, later, sampleMute, sampleRecord } from './sample-record.ts';

describe('decideResolve', () => {
  it('resolves an open alert by a person', () => {
    const change = decideResolve({ record: sampleRecord() }, alice, later(42));
    expect(change?.next).toMatchObject({ status: 'resolved', resolvedBy: alice, version: 4 });
    expect(repliesOf(change).map((r) => r.kind)).toEqual(['resolved']);
    expect(change?.endMute).toBeUndefined();
  });

  it('changes nothing when already resolved', () => {
    const record = sampleRecord({ status: 'resolved', resolvedBy: alice });
    expect(decideResolve({ record }, bob, later(1))).toBeUndefined();
  });

  it('ends a mute "until resolved" with its summary, like a recovery', () => {
    const mute = sampleMute({ until: undefined });
    const record = sampleRecord({ mutedCount: 3, mutedLastState: 'High' });
    const change = decideResolve({ record, mute }, alice, later(10));
    expect(change?.endMute).toBe(mute);
    expect(change?.next).toMatchObject({ mutedCount: 0, mutedLastState: undefined });
    expect(repliesOf(change)[1]).toMatchObject({
      kind: 'mute-expired',
      whileMuted: { notifications: 3, lastStateLabel: 'High' },
    });
  });

  it('refuses an alert that an event resolves (it has no Resolve button): a forged click changes nothing', () => {
    const record = sampleRecord();
    const glue = sampleRecord({ alert: { ...record.alert, source: 'glue', resolvableByEvent: true } });
    expect(decideResolve({ record: glue }, alice, later(1))).toBeUndefined();
    expect(refuseManualResolve(glue.alert)).toBe(
      'This alert resolves itself when a later run of the job succeeds; it has no Resolve button.',
    );
    expect(refuseManualResolve(record.alert)).toBeUndefined();
  });

  it('leaves a timed mute alone', () => {
    const change = decideResolve({ record: sampleRecord(), mute: sampleMute() }, alice, later(10));
    expect(change?.endMute).toBeUndefined();
  });
});

describe('decideReopen', () => {
  it("reopens a person's resolution", () => {
    const record = sampleRecord({
      status: 'resolved',
      resolvedBy: alice,
      resolvedAt: later(5).toISOString(),
    });
    const change = decideReopen({ record }, bob, later(6));
    expect(change?.next).toMatchObject({ status: 'open', resolvedBy: undefined, resolvedAt: undefined });
    expect(repliesOf(change)[0]).toMatchObject({ kind: 'reopened', by: bob });
  });

  it('does not reopen a recovery or an open alert', () => {
    const recovered = sampleRecord({ status: 'resolved', resolvedBy: 'event' });
    expect(decideReopen({ record: recovered }, bob, later(1))).toBeUndefined();
    expect(decideReopen({ record: sampleRecord() }, bob, later(1))).toBeUndefined();
  });
});

/** The thread replies a change owes, in order (its steps also redraw the root). */
function repliesOf(change: AlertChange | undefined) {
  return (change?.steps ?? []).flatMap((step) => (step.kind === 'reply' ? [step.reply] : []));
}
