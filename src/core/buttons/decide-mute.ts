import type { SlackUserRef } from '../../model/alert-view.ts';
import { muteReasonMaxLength } from '../../model/input-limits.ts';
import { isMuteActive } from '../../model/mute-state.ts';
import type { MuteRecord } from '../../model/records.ts';
import type { ThreadReply } from '../../model/thread-reply.ts';
import {
  type AlertChange,
  bumpVersion,
  changeWithReplies,
  type LoadedAlert,
  summariseMute,
} from './alert-change.ts';

export { muteDurationMaxLength, muteReasonMaxLength } from '../../model/input-limits.ts';

export interface MuteRequest {
  by: SlackUserRef;
  /** undefined: until the alert resolves. */
  durationMs?: number;
  reason?: string;
}

/**
 * Mutes an open alert that is not muted. A second mute while one is in force changes nothing (the menu
 * is replaced by Unmute once the first lands). A mute whose end has passed but that no sweep has ended yet
 * is ended by this same change, its summary first: one read and one transaction, as for any click.
 */
export function decideMute(
  { record, mute }: LoadedAlert,
  request: MuteRequest,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open' || (mute && isMuteActive(mute, now))) return undefined;
  const at = now.toISOString();
  const until =
    request.durationMs === undefined ? undefined : new Date(now.getTime() + request.durationMs).toISOString();
  // Last line of defence: the modal path refuses a longer reason; nothing stores more than it allows.
  const reason = request.reason?.trim().slice(0, muteReasonMaxLength) || undefined;
  const startMute = {
    alertId: record.alertId,
    alertKey: record.alertKey,
    ...(until ? { until } : {}),
    ...(reason ? { reason } : {}),
    by: request.by,
    at,
    channel: record.channel,
    title: record.alert.title,
  };
  // Counting starts from zero with each mute: the summary tells what this mute silenced. No thread reply of
  // its own: the root shows who muted, until when and why, and toggling a mute must not fill the thread.
  const { whileMuted, reset } = summariseMute(record);
  const ended = mute ? expirySummary(mute, whileMuted, now) : [];
  return changeWithReplies(bumpVersion(record, reset), ended, {
    startMute,
    ...(mute ? { endMute: mute } : {}),
  });
}

export function decideUnmute(
  { record, mute }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (!mute) return undefined;
  const { whileMuted, reset } = summariseMute(record);
  return changeWithReplies(
    bumpVersion(record, reset),
    summaryIfSilenced({ kind: 'unmuted', by: user, at: now.toISOString(), whileMuted }),
    { endMute: mute },
  );
}

/**
 * What a reader needs from a mute that ends: what it silenced. A mute that silenced nothing leaves the thread
 * as it was (the root stops showing it; the audit log keeps who did what).
 */
function summaryIfSilenced(reply: Extract<ThreadReply, { whileMuted: unknown }>): ThreadReply[] {
  return reply.whileMuted.notifications > 0 ? [reply] : [];
}

/** A mute whose end has passed is ended once, by whoever gets there first (sweep, click, notification). */
export function decideMuteExpiry({ record, mute }: LoadedAlert, now: Date): AlertChange | undefined {
  if (!mute || isMuteActive(mute, now)) return undefined;
  const { whileMuted, reset } = summariseMute(record);
  return changeWithReplies(bumpVersion(record, reset), expirySummary(mute, whileMuted, now), {
    endMute: mute,
  });
}

function expirySummary(
  mute: MuteRecord,
  whileMuted: ReturnType<typeof summariseMute>['whileMuted'],
  now: Date,
): ThreadReply[] {
  return summaryIfSilenced({ kind: 'mute-expired', at: mute.until ?? now.toISOString(), whileMuted });
}
