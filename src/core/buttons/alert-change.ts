import type { AlertChange } from '../../model/alert-change.ts';
import type { AlertRecord } from '../../model/records.ts';
import type { ThreadReply } from '../../model/thread-reply.ts';

export { type AlertChange, bumpVersion, type LoadedAlert } from '../../model/alert-change.ts';

/** A person's change redraws the root and tells the thread. */
export function changeWithReplies(
  next: AlertRecord,
  replies: ThreadReply[],
  mutes: Pick<AlertChange, 'startMute' | 'endMute'> = {},
): AlertChange {
  return {
    next,
    steps: [{ kind: 'update-root' }, ...replies.map((reply) => ({ kind: 'reply', reply }) as const)],
    ...mutes,
  };
}

/** Counters recorded while muted, told once in the thread when the mute ends, then reset. */
export function summariseMute(record: AlertRecord) {
  return {
    whileMuted: {
      notifications: record.mutedCount,
      ...(record.mutedLastState ? { lastStateLabel: record.mutedLastState } : {}),
    },
    reset: { mutedCount: 0, mutedLastState: undefined } satisfies Partial<AlertRecord>,
  };
}
