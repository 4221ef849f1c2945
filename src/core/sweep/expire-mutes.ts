import type { AlertChangeDeps } from '../buttons/action-deps.ts';
import { type ApplyResult, applyAlertChange } from '../buttons/apply-alert-change.ts';
import { decideMuteExpiry } from '../buttons/decide-mute.ts';

/**
 * Ends one alert's mute if its end has passed: deletes the mute, resets the counters, posts the summary
 * ("12 notifications while muted, last state ALARM") and refreshes the root. The delete is conditional on
 * the alert's version and the mute's end, so of several sweepers (a server timer, the Lambda schedule, a
 * click) exactly one posts the summary.
 */
export function expireMuteIfDue(deps: AlertChangeDeps, alertId: string): Promise<ApplyResult> {
  return applyAlertChange(deps, alertId, decideMuteExpiry);
}

/** Ends every mute whose end has passed; returns how many it ended. Safe to run from several places. */
export async function sweepExpiredMutes(deps: AlertChangeDeps): Promise<number> {
  const expired = await deps.store.mutes.listExpiredMutes(deps.now());
  let ended = 0;
  for (const mute of expired) {
    try {
      if ((await expireMuteIfDue(deps, mute.alertId)) === 'changed') ended++;
    } catch (error) {
      // One alert's failure (Slack down, contention) must not stop the others; the next sweep retries.
      deps.logger.warn({ err: error, alertId: mute.alertId }, 'mute expiry failed; the next sweep retries');
    }
  }
  return ended;
}
