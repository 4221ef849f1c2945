import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import { renderThreadReply, type ThreadReply } from '../../bot/blocks/thread-reply.ts';
import { alertViewOf } from '../lifecycle/alert-view-of.ts';
import { hasReplyBacklog } from '../lifecycle/pending-replies.ts';
import type { AlertChangeDeps } from './action-deps.ts';

/** What did not reach Slack; `undefined` from publishing means everything did. */
export interface PublishFailures {
  /** The root update's error, when it failed. */
  rootError?: unknown;
  /** The error of the reply Slack refused, when one was tried and failed. */
  replyError?: unknown;
  /** Replies not posted, in order: the refused one and those after it, or all when older ones still wait. */
  unpostedReplies: ThreadReply[];
}

/**
 * Renders from a fresh read, so two quick changes leave the root showing the later one. The replies are
 * tried even when the root update failed: a thread reply still tells the story while the root waits for
 * repair.
 */
export async function publishAlertChange(
  deps: AlertChangeDeps,
  alertId: string,
  replies: ThreadReply[],
): Promise<PublishFailures | undefined> {
  const { record, mute } = await deps.store.alerts.loadAlert(alertId);
  // No root yet: the notification that claimed it posts it from the stored (already changed) state.
  if (!record?.ts) return undefined;
  const { channel, ts } = record;
  const view = alertViewOf(record, mute, deps.now());
  const rootError = await tryCall(deps, alertId, () =>
    deps.slack.updateMessage(channel, ts, renderAlertMessage(view)),
  );
  // Replies still waiting from an earlier failure go first: these queue behind them for the sweep.
  const replyResult = hasReplyBacklog(record)
    ? { unpostedReplies: replies }
    : await postRepliesInOrder(deps, alertId, replies, (reply) =>
        deps.slack.postMessage(channel, renderThreadReply(reply, view), ts),
      );
  if (rootError === undefined && replyResult.unpostedReplies.length === 0) return undefined;
  return { ...(rootError === undefined ? {} : { rootError }), ...replyResult };
}

/** Stops at the first failure, so that the replies left over can be posted later in their order. */
async function postRepliesInOrder(
  deps: AlertChangeDeps,
  alertId: string,
  replies: ThreadReply[],
  post: (reply: ThreadReply) => Promise<unknown>,
): Promise<Pick<PublishFailures, 'replyError' | 'unpostedReplies'>> {
  for (const [index, reply] of replies.entries()) {
    const replyError = await tryCall(deps, alertId, () => post(reply));
    if (replyError !== undefined) return { replyError, unpostedReplies: replies.slice(index) };
  }
  return { unpostedReplies: [] };
}

/** The error, or undefined when the call went through. */
async function tryCall(deps: AlertChangeDeps, alertId: string, call: () => Promise<unknown>) {
  try {
    await call();
    return undefined;
  } catch (error) {
    deps.logger.warn({ err: error, alertId }, 'Slack call after a saved change failed');
    return error ?? new Error('Slack call failed');
  }
}
