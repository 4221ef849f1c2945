import { sweepExpiredMutes } from '../handlers/lifecycle/mute-expiry.ts';
import { redrivePendingDeliveries } from '../handlers/lifecycle/redrive-deliveries.ts';
import { sweepPendingRepairs } from '../handlers/lifecycle/repair-sweep.ts';
import type { KlaxonCore } from './create-core.ts';

/**
 * What runs once a minute (a timer in the server, the schedule on Lambda): ends expired mutes with their
 * summary, finishes deliveries SNS gave up on, then repairs what a Slack failure left behind (stale roots,
 * thread replies not posted). Several sweepers at once are safe: each expiry is posted exactly once,
 * deliveries are leased, root refreshes are version-checked, and each reply is claimed before it is posted.
 */
export async function sweepOnce(core: KlaxonCore) {
  const deps = core.listenerDeps;
  const mutesEnded = await sweepExpiredMutes(deps);
  const deliveries = await redrivePendingDeliveries(core.sns);
  const repairs = await sweepPendingRepairs(
    { alerts: deps.store.alerts, slack: deps.slack, now: deps.now, logger: deps.logger },
    deps.config.lifecycle.rootRefreshSeconds * 1000,
  );
  return { mutesEnded, deliveriesFinished: deliveries.finished, ...repairs };
}

export function startPeriodicSweep(core: KlaxonCore, intervalMs = 60_000): () => void {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepOnce(core)
      .catch((error) => core.sns.logger.warn({ err: error }, 'periodic sweep failed; retrying next minute'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
