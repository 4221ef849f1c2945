import type { AlertRecord } from '../../model/records.ts';
import { hasReplyBacklog } from './pending-replies.ts';
import { type RootRefreshDeps, refreshRootIfStale } from './root-refresher.ts';
import { postPendingReplies } from './slack-backlog.ts';

/** Alerts looked at per sweep in each gsi1 partition (open, resolved-to-repair). */
const sweepLimit = 200;

export interface RepairSweepResult {
  rootsRefreshed: number;
  repliesPosted: number;
}

/**
 * Once a minute (server timer or Lambda schedule): redraws roots left stale by coalesced repeats or a Slack
 * failure, and posts thread replies Slack did not take. Open alerts and resolved ones still owed something
 * are two gsi1 partitions, so this never scans. Safe to run from several places at once: root refreshes
 * are version-checked and each reply is claimed before it is posted.
 */
export async function sweepPendingRepairs(
  deps: RootRefreshDeps,
  rootRefreshIntervalMs: number,
): Promise<RepairSweepResult> {
  const [open, resolved] = await Promise.all([
    deps.alerts.listOpenAlerts(sweepLimit),
    deps.alerts.listResolvedAlertsToRepair(sweepLimit),
  ]);
  const result: RepairSweepResult = { rootsRefreshed: 0, repliesPosted: 0 };
  for (const record of [...open, ...resolved]) {
    if (isRootRefreshDue(record, deps.now(), rootRefreshIntervalMs)) {
      const refreshed = await tryRepair(deps, record, () => refreshRootIfStale(deps, record.alertId));
      if (refreshed === 'refreshed') result.rootsRefreshed++;
    }
    if (hasReplyBacklog(record)) {
      result.repliesPosted +=
        (await tryRepair(deps, record, () => postPendingReplies(deps, record.alertId))) ?? 0;
    }
  }
  return result;
}

function isRootRefreshDue(record: AlertRecord, now: Date, intervalMs: number): boolean {
  return record.rootStale && record.rootRefreshedAt + intervalMs <= now.getTime();
}

/** One alert Slack will not take (still down, message deleted) must not hold back the others. */
async function tryRepair<T>(deps: RootRefreshDeps, record: AlertRecord, repair: () => Promise<T>) {
  try {
    return await repair();
  } catch (error) {
    deps.logger.warn({ err: error, alertId: record.alertId }, 'Slack repair failed; the next sweep retries');
    return undefined;
  }
}
