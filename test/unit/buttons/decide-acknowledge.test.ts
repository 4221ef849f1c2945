import { describe, expect, it } from 'vitest';
import { decideAcknowledge, decideUnacknowledge } from '../../../src/core/buttons/decide-acknowledge.ts';
import type { AlertChange } from '../../../src/model/alert-change.ts';
import { alice, bob, later, sampleRecord, t0 } from './sample-record.ts';

describe('decideAcknowledge', () => {
  it('records who and when, bumps the version and replies once', () => {
    const change = decideAcknowledge({ record: sampleRecord() }, alice, t0);
    expect(change?.next).toMatchObject({ version: 4, acknowledged: { ...alice, at: t0.toISOString() } });
    expect(repliesOf(change)).toEqual([{ kind: 'acknowledged', by: alice, at: t0.toISOString() }]);
  });

  it('changes nothing when already acknowledged: a double click is one click', () => {
    const record = sampleRecord({ acknowledged: { ...alice, at: t0.toISOString() } });
    expect(decideAcknowledge({ record }, bob, later(1))).toBeUndefined();
  });

  it('changes nothing on a resolved alert', () => {
    expect(decideAcknowledge({ record: sampleRecord({ status: 'resolved' }) }, alice, t0)).toBeUndefined();
  });
});

describe('decideUnacknowledge', () => {
  it('removes the acknowledgement and says who did', () => {
    const record = sampleRecord({ acknowledged: { ...alice, at: t0.toISOString() } });
    const change = decideUnacknowledge({ record }, bob, later(5));
    expect(change?.next.acknowledged).toBeUndefined();
    expect(change?.next.version).toBe(4);
    expect(repliesOf(change)[0]).toMatchObject({ kind: 'unacknowledged', by: bob });
  });

  it('changes nothing when not acknowledged', () => {
    expect(decideUnacknowledge({ record: sampleRecord() }, bob, t0)).toBeUndefined();
  });
});

/** The thread replies a change owes, in order (its steps also redraw the root). */
function repliesOf(change: AlertChange | undefined) {
  return (change?.steps ?? []).flatMap((step) => (step.kind === 'reply' ? [step.reply] : []));
}
