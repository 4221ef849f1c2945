import type { Logger } from '../../observability/logger.ts';
import { drainAlert } from './drain-alert.ts';
import type { OutboxRuntime } from './outbox-runtime.ts';

/**
 * The long-running server's timer for outbox steps due later (coalesced root updates, digests, a channel's
 * pace): one timer per alert, at the earliest time asked. On Lambda there is none: the sweep does it.
 * `flush` runs what is pending at once (clean shutdown); `stop` drops the timers.
 */
export function createDrainScheduler(getRuntime: () => OutboxRuntime, logger: Logger) {
  const timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  const running = new Set<Promise<unknown>>();

  const run = (alertId: string) => {
    timers.delete(alertId);
    const task = drainAlert(getRuntime(), alertId, `timer:${alertId}`)
      .catch((error) => logger.warn({ err: error, alertId }, 'scheduled drain failed; the sweep retries it'))
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  };

  return {
    schedule(alertId: string, atMs: number): void {
      const existing = timers.get(alertId);
      if (existing && existing.at <= atMs) return;
      if (existing) clearTimeout(existing.timer);
      const delay = Math.max(0, atMs - getRuntime().clock.now());
      const timer = setTimeout(() => run(alertId), delay);
      timer.unref();
      timers.set(alertId, { at: atMs, timer });
    },
    async flush(): Promise<void> {
      for (const [alertId, { timer }] of timers) {
        clearTimeout(timer);
        run(alertId);
      }
      await Promise.all(running);
    },
    stop(): void {
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    pendingCount: () => timers.size + running.size,
  };
}
export type DrainScheduler = ReturnType<typeof createDrainScheduler>;
