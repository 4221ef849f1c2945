import type { ThreadReply } from '../../bot/blocks/thread-reply.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';

/**
 * What a person's action does to an alert: the record to write, the thread replies to post once it is
 * written, and a mute that starts or ends with it (written in the same transaction). `undefined` from a
 * decision means "nothing changes": a double click, a retried request or a stale button.
 */
export interface AlertChange {
  next: AlertRecord;
  replies: ThreadReply[];
  startMute?: MuteRecord;
  endMute?: MuteRecord;
}

export interface LoadedAlert {
  record: AlertRecord;
  mute?: MuteRecord;
}

/** The next version of a record; every decision writes through this so the optimistic lock holds. */
export function bumpVersion(record: AlertRecord, changes: Partial<AlertRecord>): AlertRecord {
  return { ...record, ...changes, version: record.version + 1 };
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
