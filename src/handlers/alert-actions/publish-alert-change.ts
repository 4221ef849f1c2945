import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import { renderThreadReply, type ThreadReply } from '../../bot/blocks/thread-reply.ts';
import { alertViewOf } from '../lifecycle/alert-view-of.ts';
import type { AlertChangeDeps } from './action-deps.ts';

/** What did not reach Slack; `undefined` from publishing means everything did. */
export interface PublishFailures {
  /** The root update's error, when it failed. */
  rootError?: unknown;
  failedReplies: number;
}

/**
 * Answers Slack gives for a root that no retry can update: it was deleted, or Klaxon lost the channel. A
 * stale mark for these would have the sweep fail on it every minute for as long as the alert is open.
 */
const permanentSlackErrors = new Set([
  'message_not_found',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'cant_update_message',
]);

/**
 * Renders from a fresh read, so two quick changes leave the root showing the later one. Each call is tried
 * even when an earlier one failed: a thread reply still tells the story while the root waits for repair.
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
  let failedReplies = 0;
  for (const reply of replies) {
    const post = () => deps.slack.postMessage(channel, renderThreadReply(reply, view), ts);
    if (await tryCall(deps, alertId, post)) failedReplies++;
  }
  if (rootError === undefined && failedReplies === 0) return undefined;
  return { ...(rootError === undefined ? {} : { rootError }), failedReplies };
}

/** Whether redrawing the root later may succeed: anything but Slack saying the message or channel is gone. */
export function isRootRepairable(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return !(typeof code === 'string' && permanentSlackErrors.has(code));
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
