import type { ThreadReply } from '../bot/blocks/thread-reply.ts';
import type { SlackStep } from '../handlers/lifecycle/slack-steps.ts';
import type { NormalizedAlert } from './alert.ts';
import type { SlackUserRef } from './alert-view.ts';

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
  /** Root message; absent until the notification that claimed the root has posted it. */
  ts?: string;
  rootClaimedBy?: string;
  firstFiredAt: string;
  lastFiredAt: string;
  timesFired: number;
  lastStateLabel: string;
  lastOccurrence?: string;
  resolvedAt?: string;
  resolvedBy?: 'event' | SlackUserRef;
  acknowledged?: SlackUserRef & { at: string };
  /** Epoch ms of the last root update; repeats refresh the root at most once per interval. */
  rootRefreshedAt: number;
  /** A coalesced repeat changed counters the root message does not show yet. */
  rootStale: boolean;
  /** Notifications recorded while muted since the mute began; summarised when it ends. */
  mutedCount: number;
  mutedLastState?: string;
  reruns: Array<SlackUserRef & { jobName: string; jobRunId: string; at: string }>;
  /**
   * Thread replies of saved changes that Slack did not take (or that wait behind those), oldest first: the
   * sweep posts them in order. Absent rather than empty when there are none.
   */
  pendingReplies?: ThreadReply[];
  /** The reply a sweeper took off `pendingReplies` and is posting now. */
  replyInFlight?: ReplyClaim;
}

/**
 * A sweeper's claim on one pending reply. Claiming is a conditional write, so of several sweepers one posts;
 * a claim older than its time-out is taken over (the sweeper may have died), which can post a reply twice
 * but never loses it.
 */
export interface ReplyClaim {
  reply: ThreadReply;
  claimId: string;
  /** Epoch ms. */
  claimedAt: number;
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

export interface NotificationRecord {
  messageId: string;
  alertId: string;
  topicArn: string;
  receivedAt: string;
  status: 'pending' | 'done';
  /** Slack work decided for this notification, done in order; a redelivery finishes what is left. */
  steps: SlackStep[];
  stepsDone: number;
  /** Epoch ms until which one delivery owns the steps; a concurrent redelivery waits for it. */
  leaseUntil: number;
  outcome: string;
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
