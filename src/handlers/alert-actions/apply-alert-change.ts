import { isRetryableSlackError } from '../../slack/slack-errors.ts';
import type { KlaxonStore } from '../../store/open-store.ts';
import { recordSlackBacklog } from '../lifecycle/slack-backlog.ts';
import type { AlertChangeDeps } from './action-deps.ts';
import type { AlertChange, LoadedAlert } from './alert-change.ts';
import { type PublishFailures, publishAlertChange } from './publish-alert-change.ts';

/**
 * `changed-slack-behind`: saved, but Slack does not show all of it yet: a root that can be redrawn is marked
 * stale for the refresher (or the sweep), and replies not posted wait on the record for the sweep.
 */
export type ApplyResult = 'changed' | 'changed-slack-behind' | 'unchanged' | 'not-found';

const maxAttempts = 8;

/** The Web API client already retried; give Slack time to recover before the refresher tries again. */
const slackRetryDelayMs = 30_000;

/** Told to the person whose change was saved while Slack could not show it. */
export const slackBehindNote = 'Slack could not be updated yet: the alert message will catch up shortly.';

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
    return publishOrRepairLater(deps, alertId, change);
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

/**
 * The change is saved before Slack hears of it, so a Slack failure must not leave Slack behind for good: the
 * record is marked stale and keeps the replies not posted, and the refresher (or the sweep) catches up.
 */
async function publishOrRepairLater(
  deps: AlertChangeDeps,
  alertId: string,
  change: AlertChange,
): Promise<ApplyResult> {
  const failures = await publishAlertChange(deps, alertId, change.replies);
  if (!failures) return 'changed';
  await recordBacklogAndSchedule(deps, alertId, change, failures);
  return 'changed-slack-behind';
}

async function recordBacklogAndSchedule(
  deps: AlertChangeDeps,
  alertId: string,
  change: AlertChange,
  failures: PublishFailures,
) {
  const rootStale = 'rootError' in failures && isRetryableSlackError(failures.rootError);
  // A reply Slack refused for good (thread or channel gone) would fail the same way every sweep.
  const keepReplies = !('replyError' in failures) || isRetryableSlackError(failures.replyError);
  const backlog = { rootStale, replies: keepReplies ? failures.unpostedReplies : [] };
  try {
    const recorded = await recordSlackBacklog(
      { alerts: deps.store.alerts, logger: deps.logger },
      change.next,
      backlog,
    );
    // Lost only in Slack: the record holds the change, and the next change redraws the root.
    if (!recorded)
      deps.logger.error({ alertId, backlog }, 'could not record what Slack missed: kept changing');
    else if (rootStale) deps.scheduleRootRefresh?.(alertId, deps.now().getTime() + slackRetryDelayMs);
  } catch (error) {
    deps.logger.error(
      { err: error, alertId, backlog },
      'could not record what Slack missed; the next change redraws the root',
    );
  }
}
