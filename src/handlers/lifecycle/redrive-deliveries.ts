import { resumeNotification } from '../process-notification.ts';
import type { SnsContext } from '../sns-context.ts';

/**
 * SNS stops redelivering after its delivery policy runs out (by default a few retries within about a
 * minute), so a longer Slack outage would leave recorded alerts unposted. The periodic sweep finishes those
 * deliveries itself, oldest first, from the steps stored with them; leases keep it from racing a redelivery.
 */
export async function redrivePendingDeliveries(
  ctx: SnsContext,
  settleMs = 60_000,
): Promise<{ finished: number; failed: number }> {
  const receivedBefore = new Date(ctx.now().getTime() - settleMs).toISOString();
  const pending = await ctx.alerts.listPendingDeliveries(receivedBefore);
  let finished = 0;
  let failed = 0;
  for (const delivery of pending) {
    const result = await resumeNotification(ctx, delivery);
    if (result.status < 300) finished++;
    else if (result.outcome !== 'in-progress') failed++;
  }
  if (failed > 0)
    ctx.logger.warn(
      { failed, finished },
      'some pending deliveries could not be posted yet; the next sweep retries',
    );
  return { finished, failed };
}
