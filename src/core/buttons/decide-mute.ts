import type { SlackUserRef } from '../../model/alert-view.ts';
import { muteReasonMaxLength } from '../../model/input-limits.ts';
import { isMuteActive } from '../../model/mute-state.ts';
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
 * is replaced by Unmute once the first lands); an expired mute must be ended, with its summary, first.
 */
export function decideMute(
  { record, mute }: LoadedAlert,
  request: MuteRequest,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open' || mute) return undefined;
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
  // Counting starts from zero with each mute: the summary tells what this mute silenced.
  const reply = {
    kind: 'muted',
    by: request.by,
    at,
    ...(until ? { until } : {}),
    ...(reason ? { reason } : {}),
  } as const;
  return changeWithReplies(bumpVersion(record, summariseMute(record).reset), [reply], { startMute });
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
    [{ kind: 'unmuted', by: user, at: now.toISOString(), whileMuted }],
    { endMute: mute },
  );
}

/** A mute whose end has passed is ended once, by whoever gets there first (sweep, click, notification). */
export function decideMuteExpiry({ record, mute }: LoadedAlert, now: Date): AlertChange | undefined {
  if (!mute || isMuteActive(mute, now)) return undefined;
  const { whileMuted, reset } = summariseMute(record);
  return changeWithReplies(
    bumpVersion(record, reset),
    [{ kind: 'mute-expired', at: mute.until ?? now.toISOString(), whileMuted }],
    { endMute: mute },
  );
}
