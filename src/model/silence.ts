import type { AlertMatchers } from './alert-matchers.ts';
import type { SlackUserRef } from './alert-view.ts';

/**
 * A silence set ahead (`/klaxon silence`) or one opening of a configured maintenance window: while it is in
 * force, matching notifications are recorded and counted, not posted; when it ends, one message says what
 * it held back.
 */
export interface SilenceRecord {
  /** A random id for a silence; `window:<name>:<start ISO>` for an opening of a maintenance window. */
  silenceId: string;
  kind: 'silence' | 'window';
  matchers: AlertMatchers;
  startsAt: string;
  endsAt: string;
  reason: string;
  /** Who set it; absent for a maintenance window (the configuration did). */
  by?: SlackUserRef;
  /** Where it is announced, and where its summary goes. */
  channel: string;
  status: 'active' | 'ended';
  endedAt?: string;
  /** Who ended it early; absent when it ran out. */
  endedBy?: SlackUserRef;
  /** Ended, but its summary is not in Slack yet (Slack refused it): a later sweep posts it. */
  summaryPending?: boolean;
}

/** The part of a silence the notification path needs, kept in the one index item read with every alert. */
export type ActiveSilence = Pick<SilenceRecord, 'silenceId' | 'matchers' | 'endsAt' | 'reason'>;

/** What a silence held back from one alert, counted as it happens. */
export interface SilenceHit {
  silenceId: string;
  alertId: string;
  title: string;
  count: number;
  lastStateLabel: string;
  /** Whether the last notification held back raised the alert (then it is still firing when the silence ends). */
  lastFiring: boolean;
  lastAt: string;
}

/**
 * A silence in force as the notification path sees it. A maintenance window's opening also carries its whole
 * record, so the first notification it holds back can leave that record in the store: the sweep then
 * summarises the opening however long after its end it runs.
 */
export type SilenceInForce = ActiveSilence & { windowOpening?: SilenceRecord };

/** What one held-back notification writes: its hit, and for a window the opening's record (first one wins). */
export type SilenceHitWrite = Omit<SilenceHit, 'count'> & { windowOpening?: SilenceRecord };

/** The silence (or window) in force for an alert at `now`, if any: the one that ends last wins. */
export function findSilence<S extends Pick<ActiveSilence, 'endsAt'>>(
  silences: S[],
  matches: (silence: S) => boolean,
  now: Date,
): S | undefined {
  const iso = now.toISOString();
  return silences
    .filter((silence) => silence.endsAt > iso && matches(silence))
    .sort((a, b) => b.endsAt.localeCompare(a.endsAt))[0];
}
