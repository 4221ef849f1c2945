import type { AlertChangeDeps } from '../handlers/alert-actions/action-deps.ts';
import { sweepExpiredMutes } from '../handlers/lifecycle/mute-expiry.ts';
import { sweepStaleRoots } from '../handlers/lifecycle/root-refresher.ts';

/**
 * In the long-running server, once a minute: ends expired mutes (with their summary) and repairs root
 * messages still stale after a Slack failure. On Lambda the worker's schedule does the same. Several sweepers
 * at once are safe: each expiry is posted exactly once, and root refreshes are version-checked.
 */
export function startPeriodicSweep(
  deps: AlertChangeDeps,
  rootRefreshIntervalMs: number,
  intervalMs = 60_000,
): () => void {
  let running: Promise<unknown> | undefined;
  const sweep = async () => {
    await sweepExpiredMutes(deps);
    await sweepStaleRoots(
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
