import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import { renderThreadReply, type ThreadReply } from '../../bot/blocks/thread-reply.ts';
import type { KlaxonStore } from '../../store/open-store.ts';
import { alertViewOf } from '../lifecycle/alert-view-of.ts';
import type { AlertChangeDeps } from './action-deps.ts';
import type { AlertChange, LoadedAlert } from './alert-change.ts';

export type ApplyResult = 'changed' | 'unchanged' | 'not-found';

const maxAttempts = 8;

export class AlertContentionError extends Error {
  override name = 'AlertContentionError';
}

/**
 * Decides on the freshly read state and commits conditionally; when someone else wrote first (another
 * click, a notification, the sweep) it reads and decides again. Only the writer that changed something
 * tells Slack, so a double click or a retried request posts nothing the second time.
 */
export async function applyAlertChange(
  deps: AlertChangeDeps,
  alertId: string,
  decide: (loaded: LoadedAlert, now: Date) => AlertChange | undefined,
): Promise<ApplyResult> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const { record, mute } = await deps.store.alerts.loadAlert(alertId);
    if (!record) return 'not-found';
    const change = decide({ record, ...(mute ? { mute } : {}) }, deps.now());
    if (!change) return 'unchanged';
    if (!(await commitChange(deps.store, record.version, change))) continue;
    await publishChange(deps, alertId, change.replies);
    return 'changed';
  }
  throw new AlertContentionError(`alert ${alertId} kept changing; try again`);
}

async function commitChange(store: KlaxonStore, expectedVersion: number, change: AlertChange) {
  if (change.startMute) {
    return (await store.mutes.startMute(change.startMute, change.next, expectedVersion)) === 'written';
  }
  if (change.endMute) {
    return (await store.mutes.endMute(change.endMute, change.next, expectedVersion)) === 'written';
  }
  return store.alerts.saveAlert(change.next, expectedVersion);
}

/** Renders from a fresh read, so two quick changes leave the root showing the later one. */
async function publishChange(deps: AlertChangeDeps, alertId: string, replies: ThreadReply[]) {
  const { record, mute } = await deps.store.alerts.loadAlert(alertId);
  if (!record?.ts) return;
  const view = alertViewOf(record, mute, deps.now());
  await deps.slack.updateMessage(record.channel, record.ts, renderAlertMessage(view));
  for (const reply of replies) {
    await deps.slack.postMessage(record.channel, renderThreadReply(reply, view), record.ts);
  }
}
