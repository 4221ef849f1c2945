import { describe, expect, it } from 'vitest';
import type { ThreadReply } from '../../../src/bot/blocks/thread-reply.ts';
import {
  addSlackBacklog,
  claimNextReply,
  hasReplyBacklog,
  maxPendingReplies,
  replyClaimTimeoutMs,
  settleReplyClaim,
} from '../../../src/handlers/lifecycle/pending-replies.ts';
import { needsSlackRepair, toAlertItem } from '../../../src/store/alert-items.ts';
import { alice, bob, later, sampleRecord, t0 } from '../alert-actions/sample-record.ts';

const acked: ThreadReply = { kind: 'acknowledged', by: alice, at: t0.toISOString() };
const unacked: ThreadReply = { kind: 'unacknowledged', by: bob, at: later(1).toISOString() };
const resolved: ThreadReply = { kind: 'resolved', by: bob, at: later(2).toISOString() };

describe('addSlackBacklog', () => {
  it('appends replies after those already waiting, on the next version', () => {
    const record = sampleRecord({ version: 4, pendingReplies: [acked] });

    const added = addSlackBacklog(record, { rootStale: false, replies: [unacked, resolved] });

    expect(added?.next).toMatchObject({
      version: 5,
      rootStale: false,
      pendingReplies: [acked, unacked, resolved],
    });
    expect(added?.dropped).toEqual([]);
  });

  it('marks the root stale without touching the replies', () => {
    const added = addSlackBacklog(sampleRecord({ version: 4 }), { rootStale: true, replies: [] });

    expect(added?.next).toMatchObject({ version: 5, rootStale: true });
    expect(added?.next.pendingReplies).toBeUndefined();
  });

  it('writes nothing when the record already says it all', () => {
    expect(
      addSlackBacklog(sampleRecord({ rootStale: true }), { rootStale: true, replies: [] }),
    ).toBeUndefined();
    expect(addSlackBacklog(sampleRecord(), { rootStale: false, replies: [] })).toBeUndefined();
  });

  it(`keeps the newest ${maxPendingReplies} replies and names the oldest it dropped`, () => {
    const replies = Array.from(
      { length: maxPendingReplies + 2 },
      (_, i): ThreadReply => ({
        kind: 'acknowledged',
        by: alice,
        at: later(i).toISOString(),
      }),
    );

    const added = addSlackBacklog(sampleRecord(), { rootStale: false, replies });

    expect(added?.next.pendingReplies).toEqual(replies.slice(2));
    expect(added?.dropped).toEqual(replies.slice(0, 2));
  });
});

describe('claimNextReply', () => {
  it('moves the oldest pending reply into flight under this claim', () => {
    const record = sampleRecord({ version: 7, pendingReplies: [acked, unacked] });

    const claimed = claimNextReply(record, 'claim-a', t0);

    expect(claimed?.claim).toEqual({ reply: acked, claimId: 'claim-a', claimedAt: t0.getTime() });
    expect(claimed?.next).toMatchObject({
      version: 8,
      pendingReplies: [unacked],
      replyInFlight: claimed?.claim,
    });
  });

  it('leaves the queue field absent once its last reply is claimed', () => {
    const claimed = claimNextReply(sampleRecord({ pendingReplies: [acked] }), 'claim-a', t0);

    expect(claimed?.next.pendingReplies).toBeUndefined();
  });

  it('claims nothing while another sweeper holds a live claim', () => {
    const replyInFlight = { reply: acked, claimId: 'claim-b', claimedAt: t0.getTime() };
    const record = sampleRecord({ pendingReplies: [unacked], replyInFlight });

    expect(
      claimNextReply(record, 'claim-a', new Date(t0.getTime() + replyClaimTimeoutMs - 1)),
    ).toBeUndefined();
  });

  it('takes over an expired claim with its reply, so that a dead sweeper loses nothing', () => {
    const replyInFlight = { reply: acked, claimId: 'claim-b', claimedAt: t0.getTime() };
    const record = sampleRecord({ pendingReplies: [unacked], replyInFlight });
    const now = new Date(t0.getTime() + replyClaimTimeoutMs);

    const claimed = claimNextReply(record, 'claim-a', now);

    expect(claimed?.claim).toEqual({ reply: acked, claimId: 'claim-a', claimedAt: now.getTime() });
    expect(claimed?.next.pendingReplies).toEqual([unacked]);
  });

  it('claims nothing without a root to reply under, or with nothing pending', () => {
    expect(claimNextReply(sampleRecord({ ts: undefined, pendingReplies: [acked] }), 'a', t0)).toBeUndefined();
    expect(claimNextReply(sampleRecord(), 'a', t0)).toBeUndefined();
  });
});

describe('settleReplyClaim', () => {
  const inFlight = (claimId: string) =>
    sampleRecord({
      version: 8,
      pendingReplies: [resolved],
      replyInFlight: { reply: unacked, claimId, claimedAt: t0.getTime() },
    });

  it.each(['posted', 'dropped'] as const)('clears a %s reply', (outcome) => {
    const next = settleReplyClaim(inFlight('claim-a'), 'claim-a', outcome);

    expect(next).toMatchObject({ version: 9, pendingReplies: [resolved] });
    expect(next?.replyInFlight).toBeUndefined();
  });

  it('puts a failed reply back at the head of the queue, keeping the order', () => {
    expect(settleReplyClaim(inFlight('claim-a'), 'claim-a', 'failed')?.pendingReplies).toEqual([
      unacked,
      resolved,
    ]);
  });

  it('writes nothing when the claim was taken over', () => {
    expect(settleReplyClaim(inFlight('claim-b'), 'claim-a', 'posted')).toBeUndefined();
  });
});

describe('the gsi1 key of an alert', () => {
  const replyInFlight = { reply: acked, claimId: 'c', claimedAt: 0 };
  const resolvedAt = later(5).toISOString();

  it('lists an open alert under ALERTS#open, whatever Slack owes it', () => {
    expect(toAlertItem(sampleRecord({ pendingReplies: [acked] }))).toMatchObject({
      gsi1pk: 'ALERTS#open',
      gsi1sk: t0.toISOString(),
    });
  });

  it.each([
    ['a pending reply', { pendingReplies: [acked] }],
    ['a reply in flight', { replyInFlight }],
    ['a stale root', { rootStale: true }],
  ])('lists a resolved alert with %s under ALERTS#repair', (_what, owed) => {
    const record = sampleRecord({ status: 'resolved', resolvedAt, ...owed });

    expect(needsSlackRepair(record)).toBe(true);
    expect(toAlertItem(record)).toMatchObject({ gsi1pk: 'ALERTS#repair', gsi1sk: resolvedAt });
  });

  it('leaves a resolved alert Slack owes nothing out of gsi1', () => {
    const item = toAlertItem(sampleRecord({ status: 'resolved', resolvedAt, pendingReplies: [] }));

    expect(item).not.toHaveProperty('gsi1pk');
    expect(item).not.toHaveProperty('gsi1sk');
    expect(hasReplyBacklog(item.record)).toBe(false);
  });

  it('does not list a resolved alert whose stale root was never posted: there is nothing to redraw', () => {
    expect(
      toAlertItem(sampleRecord({ status: 'resolved', rootStale: true, ts: undefined })),
    ).not.toHaveProperty('gsi1pk');
  });
});
