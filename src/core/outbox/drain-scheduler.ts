import type { Logger } from '../../observability/logger.ts';
import { drainAlert } from './drain-alert.ts';
import type { OutboxRuntime } from './outbox-runtime.ts';

/**
 * The long-running server's timers for outbox steps that wait: steps due later (coalesced root updates,
 * digests) get one timer per alert, at the earliest time asked; alerts held back by their channel's pace wait in
 * that channel's queue, drained one per free slot. On Lambda there is none: the sweep does it.
 * `flush` runs what is pending at once (clean shutdown); `stop` drops the timers.
 */
export function createDrainScheduler(getRuntime: () => OutboxRuntime, logger: Logger) {
  const timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  const running = new Set<Promise<unknown>>();

  const run = (alertId: string) => {
    const task = drainAlert(getRuntime(), alertId, `timer:${alertId}`, { enrich: true })
      .catch((error) => logger.warn({ err: error, alertId }, 'scheduled drain failed; the sweep retries it'))
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  };

  const channelQueues = new Map<string, { alertIds: Set<string>; timer?: NodeJS.Timeout }>();

  /** One alert of the channel per free slot: the pacer says when the next one is. */
  const serveChannel = (channel: string) => {
    const queue = channelQueues.get(channel);
    if (!queue || queue.timer) return;
    const [alertId] = queue.alertIds;
    if (alertId === undefined) {
      channelQueues.delete(channel);
      return;
    }
    const delay = getRuntime().pacer.waitFor(channel);
    queue.timer = setTimeout(() => {
      queue.timer = undefined;
      queue.alertIds.delete(alertId);
      run(alertId).finally(() => serveChannel(channel));
    }, delay);
    queue.timer.unref();
  };

  return {
    queue(channel: string, alertId: string): void {
      const queue = channelQueues.get(channel) ?? { alertIds: new Set<string>() };
      channelQueues.set(channel, queue);
      queue.alertIds.add(alertId);
      serveChannel(channel);
    },
    schedule(alertId: string, atMs: number): void {
      const existing = timers.get(alertId);
      if (existing && existing.at <= atMs) return;
      if (existing) clearTimeout(existing.timer);
      const delay = Math.max(0, atMs - getRuntime().clock.now());
      const timer = setTimeout(() => {
        timers.delete(alertId);
        run(alertId);
      }, delay);
      timer.unref();
      timers.set(alertId, { at: atMs, timer });
    },
    async flush(): Promise<void> {
      for (const [alertId, { timer }] of timers) {
        clearTimeout(timer);
        run(alertId);
      }
      timers.clear();
      for (const queue of channelQueues.values()) {
        clearTimeout(queue.timer);
        for (const alertId of queue.alertIds) run(alertId);
      }
      channelQueues.clear();
      await Promise.all(running);
    },
    stop(): void {
      for (const { timer } of timers.values()) clearTimeout(timer);
      for (const queue of channelQueues.values()) clearTimeout(queue.timer);
      timers.clear();
      channelQueues.clear();
    },
    pendingCount: () =>
      timers.size + running.size + [...channelQueues.values()].reduce((n, q) => n + q.alertIds.size, 0),
  };
}
export type DrainScheduler = ReturnType<typeof createDrainScheduler>;
