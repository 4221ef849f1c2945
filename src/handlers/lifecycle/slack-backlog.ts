import { randomUUID } from 'node:crypto';
import { renderThreadReply, type ThreadReply } from '../../bot/blocks/thread-reply.ts';
import type { AlertRecord, MuteRecord, ReplyClaim } from '../../model/records.ts';
import { isRetryableSlackError } from '../../slack/slack-errors.ts';
import { alertViewOf } from './alert-view-of.ts';
import {
  addSlackBacklog,
  claimNextReply,
  maxPendingReplies,
  type ReplyOutcome,
  settleReplyClaim,
} from './pending-replies.ts';
import type { RootRefreshDeps } from './root-refresher.ts';

const maxAttempts = 8;

/**
 * Records what Slack did not take after a change was saved — a root to redraw, replies to post — so that the
 * refresher or the sweep catches up. The write is conditional on the version just written; when someone wrote
 * since, it is retried on a fresh read. False when it could not be recorded (the caller logs it).
 */
export async function recordSlackBacklog(
  deps: Pick<RootRefreshDeps, 'alerts' | 'logger'>,
  written: AlertRecord,
  backlog: { rootStale: boolean; replies: ThreadReply[] },
): Promise<boolean> {
  let record: AlertRecord | undefined = written;
  for (let attempt = 0; attempt < maxAttempts && record; attempt++) {
    const added = addSlackBacklog(record, backlog);
    if (!added) return true;
    if (await deps.alerts.saveAlert(added.next, record.version)) {
      logDropped(deps, record.alertId, added.dropped);
      return true;
    }
    record = (await deps.alerts.loadAlert(record.alertId)).record;
  }
  return false;
}

function logDropped(deps: Pick<RootRefreshDeps, 'logger'>, alertId: string, dropped: ThreadReply[]) {
  if (dropped.length === 0) return;
  const kinds = dropped.map((reply) => reply.kind);
  deps.logger.warn(
    { alertId, dropped: kinds, kept: maxPendingReplies },
    'too many thread replies waiting for Slack; dropped the oldest',
  );
}

/**
 * Posts an alert's pending replies in order, each claimed by a conditional write before it is posted, so
 * that of several sweepers one posts it. Stops at the first reply Slack refuses for now: it goes back to the
 * head of the queue for the next sweep. Returns how many were posted.
 */
export async function postPendingReplies(deps: RootRefreshDeps, alertId: string): Promise<number> {
  const claimId = randomUUID();
  let posted = 0;
  // Bounded: replies queued while this runs wait for the next sweep rather than keep one sweeper busy.
  for (let i = 0; i <= maxPendingReplies; i++) {
    const claimed = await claimReply(deps, alertId, claimId);
    if (!claimed) break;
    const outcome = await postClaimedReply(deps, claimed);
    await settleClaim(deps, alertId, claimId, outcome);
    if (outcome === 'failed') break;
    if (outcome === 'posted') posted++;
  }
  return posted;
}

interface ClaimedReply {
  record: AlertRecord;
  mute?: MuteRecord;
  claim: ReplyClaim;
}

async function claimReply(deps: RootRefreshDeps, alertId: string, claimId: string) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const { record, mute } = await deps.alerts.loadAlert(alertId);
    const decision = record && claimNextReply(record, claimId, deps.now());
    if (!decision) return undefined;
    if (await deps.alerts.saveAlert(decision.next, decision.next.version - 1)) {
      return { record: decision.next, mute, claim: decision.claim } satisfies ClaimedReply;
    }
  }
  return undefined;
}

/** Rendered with the alert as it is now, like any reply posted late. */
async function postClaimedReply(deps: RootRefreshDeps, claimed: ClaimedReply): Promise<ReplyOutcome> {
  const { record, mute, claim } = claimed;
  const message = renderThreadReply(claim.reply, alertViewOf(record, mute, deps.now()));
  try {
    await deps.slack.postMessage(record.channel, message, record.ts);
    return 'posted';
  } catch (error) {
    const alertId = record.alertId;
    if (isRetryableSlackError(error)) {
      deps.logger.warn({ err: error, alertId }, 'pending thread reply not posted; the next sweep retries');
      return 'failed';
    }
    deps.logger.error({ err: error, alertId, reply: claim.reply.kind }, 'thread is gone; dropped its reply');
    return 'dropped';
  }
}

async function settleClaim(deps: RootRefreshDeps, alertId: string, claimId: string, outcome: ReplyOutcome) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const { record } = await deps.alerts.loadAlert(alertId);
    const next = record && settleReplyClaim(record, claimId, outcome);
    if (!next) return;
    if (await deps.alerts.saveAlert(next, next.version - 1)) return;
  }
  // The claim stays until it expires; then another sweeper posts the reply again: late and twice, not lost.
  deps.logger.warn({ alertId, outcome }, 'could not settle a thread reply claim');
}
