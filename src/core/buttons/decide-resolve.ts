import type { AlertSource, NormalizedAlert } from '../../model/alert.ts';
import type { SlackUserRef } from '../../model/alert-view.ts';
import { isMuteActive } from '../../model/mute-state.ts';
import type { ThreadReply } from '../../model/thread-reply.ts';
import {
  type AlertChange,
  bumpVersion,
  changeWithReplies,
  type LoadedAlert,
  summariseMute,
} from './alert-change.ts';

/** The event that resolves an alert of each source, in the words of the refusal. */
const resolvingEventOf: Record<AlertSource, string> = {
  'cloudwatch-alarm': 'the alarm returns to OK',
  glue: 'a later run of the job succeeds',
  emr: 'the step completes',
  macie: 'AWS reports the finding resolved',
  guardduty: 'AWS reports the finding resolved',
  'security-hub': 'the finding is resolved, suppressed or archived in Security Hub',
  health: 'AWS Health closes the event',
  backup: 'a later backup job of the same plan for the resource completes',
  cloudtrail: 'never (CloudTrail sends no recovery)',
  generic: 'its source sends a recovery',
};

/**
 * Why a person may not resolve this alert: an event will, and the message offers no Resolve button, so a
 * click on one is forged or stale. Undefined when a person may.
 */
export function refuseManualResolve(alert: NormalizedAlert): string | undefined {
  if (!alert.resolvableByEvent) return undefined;
  return `This alert resolves itself when ${resolvingEventOf[alert.source]}; it has no Resolve button.`;
}

/**
 * A person resolves an alert no event will resolve. Like a recovery, it ends a mute "until resolved" and
 * tells the thread what happened while muted.
 */
export function decideResolve(
  { record, mute }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open' || refuseManualResolve(record.alert)) return undefined;
  const at = now.toISOString();
  const resolved = { status: 'resolved' as const, resolvedAt: at, resolvedBy: user };
  const replies: ThreadReply[] = [{ kind: 'resolved', by: user, at }];
  if (!mute || mute.until !== undefined || !isMuteActive(mute, now)) {
    return changeWithReplies(bumpVersion(record, resolved), replies);
  }
  const { whileMuted, reset } = summariseMute(record);
  return changeWithReplies(
    bumpVersion(record, { ...resolved, ...reset }),
    [...replies, { kind: 'mute-expired', at, whileMuted }],
    { endMute: mute },
  );
}

/** Only a person's resolution is undone by a person; a recovery is undone by the next firing. */
export function decideReopen(
  { record }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'resolved' || !record.resolvedBy || record.resolvedBy === 'event') return undefined;
  return changeWithReplies(
    bumpVersion(record, { status: 'open', resolvedAt: undefined, resolvedBy: undefined }),
    [{ kind: 'reopened', by: user, at: now.toISOString() }],
  );
}
