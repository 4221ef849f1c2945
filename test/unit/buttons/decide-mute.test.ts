import { describe, expect, it } from 'vitest';
import {
  decideMute,
  decideMuteExpiry,
  decideUnmute,
  muteReasonMaxLength,
} from '../../../src/core/buttons/decide-mute.ts';
import type { AlertChange } from '../../../src/model/alert-change.ts';
import { alice, bob, later, sampleMute, sampleRecord, t0 } from './sample-record.ts';

describe('decideMute', () => {
  it('mutes for a duration from now, with a reason', () => {
    const change = decideMute(
      { record: sampleRecord() },
      { by: alice, durationMs: 3_600_000, reason: ' deploy ' },
      t0,
    );
    expect(change?.startMute).toMatchObject({ until: later(60).toISOString(), reason: 'deploy', by: alice });
    // The root shows who muted, until when and why; the thread is left alone.
    expect(change?.steps).toEqual([{ kind: 'update-root' }]);
    expect(change?.next).toMatchObject({ version: 4, mutedCount: 0 });
  });

  it('mutes until resolved when no duration is given', () => {
    const change = decideMute({ record: sampleRecord() }, { by: alice }, t0);
    expect(change?.startMute?.until).toBeUndefined();
  });

  it('never stores more of a reason than the modal allows (other paths than the modal included)', () => {
    const change = decideMute({ record: sampleRecord() }, { by: alice, reason: 'r'.repeat(10_000) }, t0);
    expect(change?.startMute?.reason).toHaveLength(muteReasonMaxLength);
  });

  it('replaces a mute whose end has passed in the same change, telling first what that one silenced', () => {
    const record = sampleRecord({ mutedCount: 2, mutedLastState: 'ALARM' });
    const expired = sampleMute();
    const change = decideMute({ record, mute: expired }, { by: bob, durationMs: 3_600_000 }, later(61));
    expect(change?.endMute).toBe(expired);
    expect(change?.startMute).toMatchObject({ by: bob, until: later(121).toISOString() });
    expect(repliesOf(change)).toEqual([
      {
        kind: 'mute-expired',
        at: later(60).toISOString(),
        whileMuted: { notifications: 2, lastStateLabel: 'ALARM' },
      },
    ]);
    expect(change?.next).toMatchObject({ version: 4, mutedCount: 0, mutedLastState: undefined });
  });

  it('changes nothing while a mute is in force, or on a resolved alert', () => {
    expect(decideMute({ record: sampleRecord(), mute: sampleMute() }, { by: alice }, t0)).toBeUndefined();
    expect(decideMute({ record: sampleRecord({ status: 'resolved' }) }, { by: alice }, t0)).toBeUndefined();
  });
});

describe('decideUnmute', () => {
  it('ends the mute with a summary of what it silenced and resets the counters', () => {
    const record = sampleRecord({ mutedCount: 12, mutedLastState: 'ALARM' });
    const mute = sampleMute();
    const change = decideUnmute({ record, mute }, alice, later(30));
    expect(change?.endMute).toBe(mute);
    expect(change?.next).toMatchObject({ mutedCount: 0, mutedLastState: undefined, version: 4 });
    expect(repliesOf(change)[0]).toMatchObject({
      kind: 'unmuted',
      by: alice,
      whileMuted: { notifications: 12, lastStateLabel: 'ALARM' },
    });
  });

  it('changes nothing when not muted', () => {
    expect(decideUnmute({ record: sampleRecord() }, bob, t0)).toBeUndefined();
  });

  it('leaves the thread alone when the mute silenced nothing: toggling eleven times adds no reply', () => {
    let record = sampleRecord({ mutedCount: 0 });
    const replies: unknown[] = [];
    for (let i = 0; i < 11; i++) {
      const muted = decideMute({ record }, { by: alice }, t0)!;
      const unmuted = decideUnmute({ record: muted.next, mute: sampleMute() }, alice, t0)!;
      replies.push(...repliesOf(muted), ...repliesOf(unmuted));
      record = unmuted.next;
    }
    expect(replies).toEqual([]);
  });
});

describe('decideMuteExpiry', () => {
  it('ends a mute whose end has passed, once', () => {
    const record = sampleRecord({ mutedCount: 2, mutedLastState: 'OK' });
    const change = decideMuteExpiry({ record, mute: sampleMute() }, later(61));
    expect(repliesOf(change)[0]).toEqual({
      kind: 'mute-expired',
      at: later(60).toISOString(),
      whileMuted: { notifications: 2, lastStateLabel: 'OK' },
    });
    expect(decideMuteExpiry({ record: change!.next }, later(62))).toBeUndefined();
  });

  it('ends a mute that silenced nothing without a reply', () => {
    const change = decideMuteExpiry(
      { record: sampleRecord({ mutedCount: 0 }), mute: sampleMute() },
      later(61),
    );
    expect(change?.endMute).toBeDefined();
    expect(change?.steps).toEqual([{ kind: 'update-root' }]);
  });

  it('leaves an active mute and a mute until resolved alone', () => {
    expect(decideMuteExpiry({ record: sampleRecord(), mute: sampleMute() }, later(59))).toBeUndefined();
    const open = sampleMute({ until: undefined });
    expect(decideMuteExpiry({ record: sampleRecord(), mute: open }, later(10_000))).toBeUndefined();
  });
});

/** The thread replies a change owes, in order (its steps also redraw the root). */
function repliesOf(change: AlertChange | undefined) {
  return (change?.steps ?? []).flatMap((step) => (step.kind === 'reply' ? [step.reply] : []));
}
