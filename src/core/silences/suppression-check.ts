import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { ActiveSilence } from '../../model/silence.ts';
import type { SuppressionCheck } from '../sweep/is-suppressed.ts';
import { findAlertSilence } from './find-silence.ts';

/** One sweep asks for every open alert in a row: the silences are read once per this many ms, not per alert. */
const reuseMs = 10_000;

/**
 * Whether a silence set ahead or an open maintenance window covers an alert: reminders are not sent for an
 * alert someone has said not to be woken for.
 */
export function createSuppressionCheck(input: {
  config: KlaxonConfig;
  loadActive: () => Promise<ActiveSilence[]>;
  nowMs: () => number;
}): SuppressionCheck {
  let cached: { at: number; silences: Promise<ActiveSilence[]> } | undefined;
  const activeSilences = () => {
    const now = input.nowMs();
    if (!cached || now - cached.at > reuseMs) {
      const silences = input.loadActive().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      cached = { at: now, silences };
    }
    return cached.silences;
  };
  return async (alert, now) =>
    findAlertSilence(input.config, await activeSilences(), alert, now) !== undefined;
}
