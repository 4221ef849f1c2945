import type { SlackUserRef } from '../../model/alert-view.ts';
import { type AlertChange, bumpVersion, type LoadedAlert } from './alert-change.ts';

/** Acknowledging an acknowledged (or resolved) alert changes nothing: the first click wins. */
export function decideAcknowledge(
  { record }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (record.status !== 'open' || record.acknowledged) return undefined;
  const at = now.toISOString();
  return {
    next: bumpVersion(record, { acknowledged: { ...user, at } }),
    replies: [{ kind: 'acknowledged', by: user, at }],
  };
}

export function decideUnacknowledge(
  { record }: LoadedAlert,
  user: SlackUserRef,
  now: Date,
): AlertChange | undefined {
  if (!record.acknowledged) return undefined;
  return {
    next: bumpVersion(record, { acknowledged: undefined }),
    replies: [{ kind: 'unacknowledged', by: user, at: now.toISOString() }],
  };
}
