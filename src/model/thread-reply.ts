import type { NormalizedAlert } from './alert.ts';
import type { SlackUserRef } from './alert-view.ts';

/** What happened while an alert was muted, told when the mute ends. */
export interface MuteSummary {
  notifications: number;
  /** The AWS spelling of the last state seen (ALARM, OK, FAILED…), if any notification came. */
  lastStateLabel?: string;
}

/** One state change folded into a digest because the alert spent its Slack budget. */
export interface DigestEntry {
  at: string;
  stateLabel: string;
  summary: string;
}

/** Something that happened to an alert and is worth a reply in its thread. */
export type ThreadReply =
  | EscalationReply
  /** A repeat carrying a new occurrence (a new failed Glue run, a new Macie finding). */
  /** `mentions`: who it pings, shown in the channel too (the mentions its severity earns, when nobody has it). */
  | { kind: 'fired-again'; alert: NormalizedAlert; mentions?: string[] }
  /**
   * The alert's state moved: recovered, insufficient data, firing again. `reopened` marks a resolved
   * alert that fired again (flapping). `previousStateLabel` is the AWS spelling before the change.
   */
  | {
      kind: 'state-changed';
      alert: NormalizedAlert;
      previousStateLabel?: string;
      reopened?: boolean;
      mentions?: string[];
    }
  /**
   * Changes that came faster than the alert's Slack budget allows, told together once the window ends:
   * `total` of them between `from` and `to`, the latest few listed.
   */
  | { kind: 'digest'; from: string; to: string; total: number; latest: DigestEntry[] }
  /** The notification's payload as it came (generic alerts): kept out of the root message, one click away. */
  | { kind: 'payload'; text: string }
  | { kind: 'acknowledged'; by: SlackUserRef; at: string }
  | { kind: 'note'; by: SlackUserRef; at: string; text: string }
  | { kind: 'unacknowledged'; by: SlackUserRef; at: string }
  /** `until` absent means until resolved. */
  | { kind: 'muted'; by: SlackUserRef; at: string; until?: string; reason?: string }
  | { kind: 'unmuted'; by: SlackUserRef; at: string; whileMuted: MuteSummary }
  | { kind: 'mute-expired'; at: string; whileMuted: MuteSummary }
  | { kind: 'resolved'; by: SlackUserRef; at: string }
  | { kind: 'reopened'; by: SlackUserRef; at: string }
  /** `consoleUrl` absent: derived from the job, run id and the alert's region. */
  | {
      kind: 'rerun-started';
      by: SlackUserRef;
      at: string;
      jobName: string;
      jobRunId: string;
      consoleUrl?: string;
    }
  /**
   * The sweep found the alarm OK in CloudWatch while the alert was still open: its recovery notification never
   * arrived. `stateReason` is CloudWatch's, `at` when the sweep resolved it.
   */
  | { kind: 'reconciled'; at: string; stateValue: string; stateReason?: string };

export type ThreadReplyKind = ThreadReply['kind'];

/** Nobody acknowledged the alert: level `level` of `levels` of its escalation, naming that level's targets. */
export interface EscalationReply {
  kind: 'escalated';
  level: number;
  levels: number;
  mentions: string[];
  /** When the wait began (the alert fired or reopened), and when this reminder was decided. */
  since: string;
  at: string;
}

/**
 * Replies that are also shown in the channel (`reply_broadcast`): a reminder, and an alert that fires again,
 * so neither is only an edit far up the channel.
 */
export function shouldBroadcastReply(reply: ThreadReply): boolean {
  if (reply.kind === 'escalated' || reply.kind === 'fired-again') return true;
  return reply.kind === 'state-changed' && reply.alert.state === 'firing';
}
