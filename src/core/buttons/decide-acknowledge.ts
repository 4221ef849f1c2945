import type { SlackUserRef } from '../../model/alert-view.ts';
import { type AlertChange, bumpVersion, changeWithReplies, type LoadedAlert } from './alert-change.ts';

/** Acknowledging an acknowledged (or resolved) alert changes nothing: the first click wins. */
export function decideAcknowledge(
  { record }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open' || record.acknowledged) return undefined;
  const at = now.toISOString();
  return changeWithReplies(bumpVersion(record, { acknowledged: { ...user, at } }), [
    { kind: 'acknowledged', by: user, at },
  ]);
}

export function decideUnacknowledge(
  { record }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (!record.acknowledged) return undefined;
  return changeWithReplies(bumpVersion(record, { acknowledged: undefined }), [
    { kind: 'unacknowledged', by: user, at: now.toISOString() },
  ]);
}
