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

/**
 * A person resolves an alert no event will resolve. Like a recovery, it ends a mute "until resolved" and
 * tells the thread what happened while muted.
 */
export function decideResolve(
  { record, mute }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open') return undefined;
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
