import { findLastEnded } from '../../config/maintenance-window.ts';
import type { SilenceRecord } from '../../model/silence.ts';
import { postSummary, type SilenceDeps } from './end-silence.ts';
import { scheduleOf, windowSilenceId } from './find-silence.ts';

/** A window's end is summarised by a sweep within this long of it (a sweep runs every minute). */
const lookbackMs = 24 * 3_600_000;
/** Openings this process already summarised (or saw summarised): no store calls for them again. */
const settled = new Set<string>();

/**
 * Posts the summary of every maintenance window opening that ended lately and held something back. The
 * opening's record is written only at its end, conditionally, so exactly one sweeper posts; an opening that
 * held nothing back ends quietly (it was in the configuration all along).
 */
export async function sweepEndedWindows(deps: SilenceDeps): Promise<number> {
  const now = deps.now();
  let summarised = 0;
  for (const window of deps.config.maintenanceWindows) {
    const opening = findLastEnded(scheduleOf(window), window.timeZone, now.getTime(), lookbackMs);
    if (!opening) continue;
    const silenceId = windowSilenceId(window.name, opening);
    if (settled.has(silenceId)) continue;
    try {
      if ((await deps.store.silences.listHits(silenceId, 1)).length === 0) continue;
      const record: SilenceRecord = {
        silenceId,
        kind: 'window',
        matchers: window.match,
        startsAt: new Date(opening.start).toISOString(),
        endsAt: new Date(opening.end).toISOString(),
        reason: `maintenance window ${window.name}`,
        channel: window.channel ?? deps.config.defaultChannel,
        status: 'ended',
        endedAt: new Date(opening.end).toISOString(),
      };
      const won = await deps.store.silences.recordWindowEnded(record);
      settled.add(silenceId);
      if (!won) continue;
      await postSummary(deps, record);
      summarised++;
    } catch (error) {
      deps.logger.warn(
        { err: error, silenceId },
        'maintenance window summary failed; the next sweep retries',
      );
    }
  }
  return summarised;
}
