import type { KlaxonConfig, MaintenanceWindowConfig } from '../../config/config-schema.ts';
import { findOpening, toCronSchedule, type WindowOpening } from '../../config/maintenance-window.ts';
import type { NormalizedAlert } from '../../model/alert.ts';
import { type AlertMatchers, matchesAlert } from '../../model/alert-matchers.ts';
import { type ActiveSilence, findSilence } from '../../model/silence.ts';

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

/** The configured maintenance windows open at `now`, as silences. */
export function openWindowSilences(config: KlaxonConfig, now: Date): ActiveSilence[] {
  return config.maintenanceWindows.flatMap((window) => {
    const opening = findOpening(scheduleOf(window), window.timeZone, now.getTime());
    if (!opening) return [];
    return [
      {
        silenceId: windowSilenceId(window.name, opening),
        matchers: window.match,
        endsAt: new Date(opening.end).toISOString(),
        reason: `maintenance window ${window.name}`,
      },
    ];
  });
}

/** The silence or open maintenance window that holds this alert back at `now`, if any. */
export function findAlertSilence(
  config: KlaxonConfig,
  stored: ActiveSilence[] | undefined,
  alert: NormalizedAlert,
  now: Date,
): ActiveSilence | undefined {
  const candidates = [...(stored ?? []), ...openWindowSilences(config, now)];
  return findSilence(candidates, (silence) => matchesAlert(matchersFor(silence.matchers, alert), alert), now);
}

/** Recoveries carry severity `info`: a silence of high alerts must still see the alert it held back recover. */
function matchersFor(matchers: AlertMatchers, alert: NormalizedAlert): AlertMatchers {
  if (alert.state !== 'recovered' || matchers.severity === undefined) return matchers;
  const { severity: _severity, ...rest } = matchers;
  return rest;
}
