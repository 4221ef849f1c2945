import type { AlertHeadline, NormalizedAlert } from './alert.ts';

export interface SlackUserRef {
  userId: string;
  userName?: string;
}

/**
 * What the alert's latest failure said, kept when a recovery replaces the alert's facts, so a resolved
 * message still tells what failed (and which run).
 */
export interface LastFailure {
  stateLabel: string;
  summary: string;
  headline?: AlertHeadline;
  /** The failed run, step or datapoint time. */
  occurrence?: string;
  /** When it happened at the source (ISO). */
  at: string;
}

/** Everything the renderer needs to draw an alert's root message: the latest notification plus its life. */
export interface AlertView {
  alertId: string;
  alert: NormalizedAlert;
  status: 'open' | 'resolved';
  /** Who resolved it: an event (recovery) or a person (Resolve button). */
  resolvedBy?: 'event' | SlackUserRef;
  resolvedAt?: string;
  firstFiredAt: string;
  lastFiredAt: string;
  timesFired: number;
  acknowledged?: SlackUserRef & { at: string };
  /** `until` absent means "until resolved". */
  mute?: SlackUserRef & { until?: string; reason?: string; at: string };
  /** Slack mention strings to put in the message, e.g. `<!here>` or `<!subteam^S123>`. */
  mentions: string[];
  /** Runs started from the Rerun button for this alert, newest last. */
  reruns: Array<SlackUserRef & { jobName: string; jobRunId: string; at: string }>;
  /** The configured name of the alert's account (`accounts` in the configuration), when it has one. */
  accountName?: string;
  /**
   * When AWS says the latest firing happened (the alarm's StateChangeTime, the event's `time`); `lastFiredAt`
   * is when Klaxon processed it. Absent for records stored before Klaxon kept it.
   */
  sourceFiredAt?: string;
  lastFailure?: LastFailure;
  /** Whether anyone may rerun (`permissions.rerun` names someone): a button nobody may use is not shown. */
  rerunOffered?: boolean;
  /** ISO time a resolved alert fired again and was reopened, while it stays open. */
  reopenedAt?: string;
}
