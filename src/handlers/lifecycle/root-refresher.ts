import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { AlertStore } from '../../store/alert-store.ts';
import type { AlertRecord } from '../../store/records.ts';
import { alertViewOf } from './alert-view-of.ts';

export interface RootRefreshDeps {
  alerts: AlertStore;
  slack: SlackPoster;
  now: () => Date;
  logger: Logger;
}

/** Brings a root message's counters up to date if coalesced repeats left it stale. */
export async function refreshRootIfStale(
  deps: RootRefreshDeps,
  alertId: string,
): Promise<'refreshed' | 'fresh'> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { record, mute } = await deps.alerts.loadAlert(alertId);
    if (!record?.ts || !record.rootStale) return 'fresh';
    await deps.slack.updateMessage(
      record.channel,
      record.ts,
      renderAlertMessage(alertViewOf(record, mute, deps.now())),
    );
    const next = {
      ...record,
      rootStale: false,
      rootRefreshedAt: deps.now().getTime(),
      version: record.version + 1,
    };
    if (await deps.alerts.saveAlert(next, record.version)) return 'refreshed';
  }
  return 'fresh';
}

/**
 * Records that the root message does not show the stored state (a Slack call failed after a change was
 * saved), so that the refresher or the sweep redraws it. The write is conditional on the version just
 * written; when someone wrote since, it is retried on a fresh read (their write may have cleared the flag).
 */
export async function markRootStale(alerts: AlertStore, written: AlertRecord): Promise<boolean> {
  let record: AlertRecord | undefined = written;
  for (let attempt = 0; attempt < 8 && record; attempt++) {
    if (record.rootStale) return true;
    if (await alerts.saveAlert({ ...record, rootStale: true, version: record.version + 1 }, record.version)) {
      return true;
    }
    record = (await alerts.loadAlert(record.alertId)).record;
  }
  return false;
}

/**
 * In a long-running server: one timer per stale alert, due when its refresh interval has passed, so a storm
 * of repeats costs one `chat.update` per alert per interval. `flush` runs what is pending (clean shutdown).
 */
export function createRootRefresher(deps: RootRefreshDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();

  const run = (alertId: string) => {
    timers.delete(alertId);
    const task = refreshRootIfStale(deps, alertId)
      .catch((error) =>
        deps.logger.warn({ err: error, alertId }, 'root refresh failed; the sweep retries it'),
      )
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  };

  return {
    schedule(alertId: string, dueAtMs: number): void {
      if (timers.has(alertId)) return;
      const delay = Math.max(0, dueAtMs - deps.now().getTime());
      timers.set(
        alertId,
        setTimeout(() => run(alertId), delay),
      );
    },
    async flush(): Promise<void> {
      for (const [alertId, timer] of timers) {
        clearTimeout(timer);
        run(alertId);
      }
      await Promise.all(running);
    },
    pendingCount: () => timers.size + running.size,
  };
}
export type RootRefresher = ReturnType<typeof createRootRefresher>;

/** For Lambda (no timers survive an invocation): refresh every open alert whose refresh is due. */
export async function sweepStaleRoots(deps: RootRefreshDeps, intervalMs: number): Promise<number> {
  const open = await deps.alerts.listOpenAlerts(200);
  const due = open.filter((r) => r.rootStale && r.rootRefreshedAt + intervalMs <= deps.now().getTime());
  for (const record of due) {
    try {
      await refreshRootIfStale(deps, record.alertId);
    } catch (error) {
      // One root Slack will not take (Slack still down, message deleted) must not hold back the others.
      deps.logger.warn(
        { err: error, alertId: record.alertId },
        'root refresh failed; the next sweep retries',
      );
    }
  }
  return due.length;
}
