import type { AlertChangeDeps } from '../handlers/alert-actions/action-deps.ts';
import { sweepExpiredMutes } from '../handlers/lifecycle/mute-expiry.ts';

/**
 * In the long-running server, ends expired mutes (with their summary) once a minute; on Lambda the worker's
 * schedule does the same. Several sweepers at once are safe: each expiry is posted exactly once.
 */
export function startMuteSweep(deps: AlertChangeDeps, intervalMs = 60_000): () => void {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepExpiredMutes(deps)
      .catch((error) => deps.logger.warn({ err: error }, 'mute sweep failed; retrying next minute'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
