import { findLastEnded } from '../../config/maintenance-window.ts';
import type { SilenceRecord } from '../../model/silence.ts';
import { postSummary, type SilenceDeps } from './end-silence.ts';
import { scheduleOf, windowOpeningRecord } from './find-silence.ts';

/**
 * How far back the schedule itself is asked for a window's last opening: openings that held something back
 * since this change are also found in the store, however long ago they ended; this covers the ones before.
 */
const lookbackMs = 24 * 3_600_000;
/** Openings this process already summarised (or saw summarised): no store calls for them again. */
const settled = new Set<string>();

/**
 * Posts the summary of every maintenance window opening that ended and held something back: each one the
 * first notification it held back left in the store (found however long after its end the sweep runs), and
 * each configured window's last opening of the past day. The opening's end is recorded conditionally, so
 * exactly one sweeper posts; an opening that held nothing back ends quietly (it was in the configuration
 * all along).
 */
export async function sweepEndedWindows(deps: SilenceDeps): Promise<number> {
  const now = deps.now();
  const openings = new Map<string, SilenceRecord>();
  for (const window of deps.config.maintenanceWindows) {
    const opening = findLastEnded(scheduleOf(window), window.timeZone, now.getTime(), lookbackMs);
    if (!opening) continue;
    const record = windowOpeningRecord(deps.config, window, opening);
    openings.set(record.silenceId, record);
  }
  try {
    for (const record of await deps.store.silences.listHeldWindowOpenings(now.toISOString())) {
      openings.set(record.silenceId, record);
    }
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not list maintenance window openings; the next sweep retries');
  }
  let summarised = 0;
  for (const opening of openings.values()) {
    if (!settled.has(opening.silenceId) && (await summariseOpening(deps, opening))) summarised++;
  }
  return summarised;
}

async function summariseOpening(deps: SilenceDeps, opening: SilenceRecord): Promise<boolean> {
  try {
    if ((await deps.store.silences.listHits(opening.silenceId, 1)).length === 0) return false;
    const record: SilenceRecord = { ...opening, status: 'ended', endedAt: opening.endsAt };
    const won = await deps.store.silences.recordWindowEnded(record);
    settled.add(opening.silenceId);
    if (!won) return false;
    await postSummary(deps, record);
    return true;
  } catch (error) {
    deps.logger.warn(
      { err: error, silenceId: opening.silenceId },
      'maintenance window summary failed; the next sweep retries',
    );
    return false;
  }
}
