import type { ThreadReply } from '../../bot/blocks/thread-reply.ts';
import type { AlertRecord, ReplyClaim } from '../../model/records.ts';

/** Kept per alert: beyond this a long outage on a busy alert would grow the item towards DynamoDB's 400 KB. */
export const maxPendingReplies = 20;

/**
 * After this a claim is taken over: its sweeper is taken to have died. Far longer than one bounded Slack call
 * (10 s time-out, 2 short retries), so a live sweeper is never overtaken and a reply is posted twice only
 * when a sweeper died between posting and clearing it.
 */
export const replyClaimTimeoutMs = 5 * 60_000;

/** Whether the thread is behind: replies wait to be posted, or one is being posted. */
export function hasReplyBacklog(record: AlertRecord): boolean {
  return (record.pendingReplies?.length ?? 0) > 0 || record.replyInFlight !== undefined;
}

/**
 * What Slack owes an alert after a saved change: a root to redraw and replies to post. Applied to a record
 * on its next version; `dropped` are the oldest replies that no longer fit.
 */
export function addSlackBacklog(
  record: AlertRecord,
  backlog: { rootStale: boolean; replies: ThreadReply[] },
): { next: AlertRecord; dropped: ThreadReply[] } | undefined {
  const rootStale = record.rootStale || backlog.rootStale;
  if (rootStale === record.rootStale && backlog.replies.length === 0) return undefined;
  const queue = [...(record.pendingReplies ?? []), ...backlog.replies];
  const dropped = queue.slice(0, Math.max(0, queue.length - maxPendingReplies));
  const pendingReplies = queue.slice(dropped.length);
  const next: AlertRecord = {
    ...record,
    rootStale,
    ...(pendingReplies.length > 0 ? { pendingReplies } : {}),
    version: record.version + 1,
  };
  return { next, dropped };
}

/**
 * The next reply for this sweeper to post, taken off the queue into `replyInFlight` on the next version;
 * `undefined` when there is nothing to post, no root to post under, or another sweeper's claim is live.
 * An expired claim is taken over with its reply: it may already be in Slack, but it must not be lost.
 */
export function claimNextReply(
  record: AlertRecord,
  claimId: string,
  now: Date,
): { next: AlertRecord; claim: ReplyClaim } | undefined {
  if (!record.ts) return undefined;
  const held = record.replyInFlight;
  if (held && held.claimedAt + replyClaimTimeoutMs > now.getTime()) return undefined;
  const [first, ...rest] = record.pendingReplies ?? [];
  const reply = held?.reply ?? first;
  if (!reply) return undefined;
  const claim: ReplyClaim = { reply, claimId, claimedAt: now.getTime() };
  const pendingReplies = held ? record.pendingReplies : rest;
  const next: AlertRecord = {
    ...record,
    pendingReplies: pendingReplies?.length ? pendingReplies : undefined,
    replyInFlight: claim,
    version: record.version + 1,
  };
  return { next, claim };
}

/** `failed`: Slack may take it later; `dropped`: Slack never will (the thread or channel is gone). */
export type ReplyOutcome = 'posted' | 'failed' | 'dropped';

/**
 * Ends this sweeper's claim: a failed reply goes back to the head of the queue, so the order holds.
 * `undefined` when the claim is no longer this sweeper's (it expired and was taken over): nothing to write.
 */
export function settleReplyClaim(
  record: AlertRecord,
  claimId: string,
  outcome: ReplyOutcome,
): AlertRecord | undefined {
  const held = record.replyInFlight;
  if (held?.claimId !== claimId) return undefined;
  const pending = record.pendingReplies ?? [];
  const pendingReplies = outcome === 'failed' ? [held.reply, ...pending] : pending;
  return {
    ...record,
    pendingReplies: pendingReplies.length > 0 ? pendingReplies : undefined,
    replyInFlight: undefined,
    version: record.version + 1,
  };
}
