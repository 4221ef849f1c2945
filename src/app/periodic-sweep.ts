import type { AlertChangeDeps } from '../handlers/alert-actions/action-deps.ts';
import { sweepExpiredMutes } from '../handlers/lifecycle/mute-expiry.ts';
import { sweepPendingRepairs } from '../handlers/lifecycle/repair-sweep.ts';

/**
 * In the long-running server, once a minute: ends expired mutes (with their summary), then repairs what a
 * Slack failure left behind: stale roots and thread replies not posted, on open and resolved alerts. On
 * Lambda the worker's schedule does the same. Several sweepers at once are safe: each expiry is posted
 * exactly once, root refreshes are version-checked, and each reply is claimed before it is posted.
 */
export function startPeriodicSweep(
  deps: AlertChangeDeps,
  rootRefreshIntervalMs: number,
  intervalMs = 60_000,
): () => void {
  let running: Promise<unknown> | undefined;
  const sweep = async () => {
    await sweepExpiredMutes(deps);
    await sweepPendingRepairs(
      { alerts: deps.store.alerts, slack: deps.slack, now: deps.now, logger: deps.logger },
      rootRefreshIntervalMs,
    );
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((error) => deps.logger.warn({ err: error }, 'periodic sweep failed; retrying next minute'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
