import type { NormalizedAlert } from '../../model/alert.ts';

/**
 * Whether a silence or a maintenance window covers the alert at `now`: reminders are never sent for it.
 * The hook the silences plug into (see sweepEscalations' `isSuppressed` option); alone it silences nothing.
 */
export type SuppressionCheck = (alert: NormalizedAlert, now: Date) => boolean | Promise<boolean>;

export const isSuppressed: SuppressionCheck = () => false;
