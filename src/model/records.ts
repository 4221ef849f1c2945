import type { NormalizedAlert } from './alert.ts';
import type { LastFailure, SlackUserRef } from './alert-view.ts';
import type { EscalationState } from './escalation.ts';
import type { OutboxEntry, SlackBudget } from './outbox.ts';

/** An alert's stored life. `version` guards every write (optimistic locking). */
export interface AlertRecord {
  alertId: string;
  alertKey: string;
  status: 'open' | 'resolved';
  alert: NormalizedAlert;
  episode: number;
  version: number;
  channel: string;
  mentions: string[];
  /** Root message; absent until the outbox's post-root step has run. */
  ts?: string;
  firstFiredAt: string;
  lastFiredAt: string;
  /** When AWS says the latest firing happened (its `occurredAt`); `lastFiredAt` is when Klaxon processed it. */
  lastFiredSourceAt?: string;
  timesFired: number;
  lastStateLabel: string;
  lastOccurrence?: string;
  resolvedAt?: string;
  resolvedBy?: 'event' | SlackUserRef;
  acknowledged?: SlackUserRef & { at: string };
  /** Epoch ms of the last root update; coalesced repeats redraw the root at most once per interval. */
  rootRefreshedAt: number;
  /** Notifications recorded while muted since the mute began; summarised when it ends. */
  mutedCount: number;
  mutedLastState?: string;
  reruns: Array<SlackUserRef & { jobName: string; jobRunId: string; at: string }>;
  /** Slack steps decided and committed but not yet done, in order (see src/core/outbox). */
  outbox: OutboxEntry[];
  /** The last outbox sequence number handed out. */
  outboxSeq: number;
  slackBudget?: SlackBudget;
  /** The latest firing notification's story; a recovery keeps it (added later: absent on older records). */
  lastFailure?: LastFailure;
  /**
   * Slack refused the alert's channel (missing, archived, Klaxon not in it) this many drains in a row; at the
   * limit its outbox is dropped and `gaveUpAt` (epoch ms) set. Cleared when a step reaches the channel.
   */
  channelRefusal?: { code: string; attempts: number; gaveUpAt?: number };
  /** Reminders while nobody acknowledges it (absent: its route has no escalation for its severity). */
  escalation?: EscalationState;
  /** ISO time a resolved alert fired again and was reopened (this episode), shown on the root. */
  reopenedAt?: string;
  /** The latest note someone added (the thread has them all), and how many there are. */
  latestNote?: SlackUserRef & { at: string; text: string };
  noteCount?: number;
}

export interface MuteRecord {
  alertId: string;
  alertKey: string;
  /** ISO time the mute ends; absent means until the alert resolves. */
  until?: string;
  reason?: string;
  by: SlackUserRef;
  at: string;
  channel: string;
  title: string;
}

export interface AuditRecord {
  id: string;
  at: string;
  actor: SlackUserRef;
  action: string;
  alertId?: string;
  params: Record<string, unknown>;
  result: 'ok' | 'refused' | 'failed';
  detail?: string;
}

export interface RerunLockRecord {
  jobName: string;
  jobRunId: string;
  by: SlackUserRef;
  at: string;
  newJobRunId?: string;
}

/** Who is running an alert's outbox, until when (epoch ms); absent when nobody is. */
export interface DrainLease {
  owner: string;
  until: number;
}
