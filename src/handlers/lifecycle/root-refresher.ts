import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { AlertStore } from '../../store/alert-store.ts';
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
