import type { NormalizedAlert } from './alert.ts';

export interface SlackUserRef {
  userId: string;
  userName?: string;
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
  /** ISO time a resolved alert fired again and was reopened, while it stays open. */
  reopenedAt?: string;
}
