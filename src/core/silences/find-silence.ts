import type { KlaxonConfig, MaintenanceWindowConfig } from '../../config/config-schema.ts';
import { findOpening, toCronSchedule, type WindowOpening } from '../../config/maintenance-window.ts';
import type { NormalizedAlert } from '../../model/alert.ts';
import { type AlertMatchers, matchesAlert } from '../../model/alert-matchers.ts';
import {
  type ActiveSilence,
  findSilence,
  type SilenceInForce,
  type SilenceRecord,
} from '../../model/silence.ts';

/** A maintenance window's opening is a silence with a deterministic id, so every process names it alike. */
export function windowSilenceId(name: string, opening: WindowOpening): string {
  return `window:${name}:${new Date(opening.start).toISOString()}`;
}

const schedules = new WeakMap<MaintenanceWindowConfig, ReturnType<typeof toCronSchedule>>();

/** The window's schedule, parsed once (the configuration was validated at load, so it parses). */
export function scheduleOf(window: MaintenanceWindowConfig) {
  let schedule = schedules.get(window);
  if (!schedule) {
    schedule = toCronSchedule(window.schedule);
    schedules.set(window, schedule);
  }
  if (typeof schedule === 'string') throw new Error(`maintenance window ${window.name}: ${schedule}`);
  return schedule;
}

/**
 * Each window's answer for the minute it was last asked about. Finding an opening reads the wall clock of
 * every minute a window can last (up to 1,440, each through Intl: 1–4 ms), and every notification asks: within
 * one minute the answer cannot change, so only the first notification of a minute pays.
 */
const openingsThisMinute = new WeakMap<
  MaintenanceWindowConfig,
  { minute: number; silence: SilenceInForce | undefined }
>();

/** The configured maintenance windows open at `now`, as silences. */
export function openWindowSilences(config: KlaxonConfig, now: Date): SilenceInForce[] {
  const minute = Math.floor(now.getTime() / 60_000);
  return config.maintenanceWindows.flatMap((window) => {
    let known = openingsThisMinute.get(window);
    if (known?.minute !== minute) {
      known = { minute, silence: openWindowSilence(config, window, now) };
      openingsThisMinute.set(window, known);
    }
    return known.silence ? [known.silence] : [];
  });
}

function openWindowSilence(
  config: KlaxonConfig,
  window: MaintenanceWindowConfig,
  now: Date,
): SilenceInForce | undefined {
  const opening = findOpening(scheduleOf(window), window.timeZone, now.getTime());
  if (!opening) return undefined;
  const windowOpening = windowOpeningRecord(config, window, opening);
  const { silenceId, matchers, endsAt, reason } = windowOpening;
  return { silenceId, matchers, endsAt, reason, windowOpening };
}

/** One opening of a window as a silence record (still in force: the sweep records its end). */
export function windowOpeningRecord(
  config: KlaxonConfig,
  window: MaintenanceWindowConfig,
  opening: WindowOpening,
): SilenceRecord {
  return {
    silenceId: windowSilenceId(window.name, opening),
    kind: 'window',
    matchers: window.match,
    startsAt: new Date(opening.start).toISOString(),
    endsAt: new Date(opening.end).toISOString(),
    reason: `maintenance window ${window.name}`,
    channel: window.channel ?? config.defaultChannel,
    status: 'active',
  };
}

/** The silence or open maintenance window that holds this alert back at `now`, if any. */
export function findAlertSilence(
  config: KlaxonConfig,
  stored: ActiveSilence[] | undefined,
  alert: NormalizedAlert,
  now: Date,
): SilenceInForce | undefined {
  const candidates: SilenceInForce[] = [...(stored ?? []), ...openWindowSilences(config, now)];
  return findSilence(candidates, (silence) => matchesAlert(matchersFor(silence.matchers, alert), alert), now);
}

/** Recoveries carry severity `info`: a silence of high alerts must still see the alert it held back recover. */
function matchersFor(matchers: AlertMatchers, alert: NormalizedAlert): AlertMatchers {
  if (alert.state !== 'recovered' || matchers.severity === undefined) return matchers;
  const { severity: _severity, ...rest } = matchers;
  return rest;
}
