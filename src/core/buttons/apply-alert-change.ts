import { randomUUID } from 'node:crypto';
import type { AuditWrite } from '../../model/alert-change.ts';
import type { AlertSnapshot } from '../../store/alert-store.ts';
import { commitChange, type Decided } from '../outbox/commit-change.ts';
import type { AlertChangeDeps } from './action-deps.ts';
import type { AlertChange, LoadedAlert } from './alert-change.ts';

/**
 * `changed-slack-behind`: saved, but Slack does not show all of it yet: the steps wait in the alert's
 * outbox, and a redelivery, a timer or the sweep runs them.
 */
export type ApplyResult = 'changed' | 'changed-slack-behind' | 'unchanged' | 'not-found' | 'replayed';

/** Told to the person whose change was saved while Slack could not show it. */
export const slackBehindNote = 'Slack could not be updated yet: the alert message will catch up shortly.';

export class AlertContentionError extends Error {
  override name = 'AlertContentionError';
}

/**
 * A person's (or the sweep's) change: one read, one transaction holding the change, its Slack steps and its
 * audit record, then the steps. A double click or a retried request decides "unchanged" on the second read
 * and posts nothing. People's steps are never folded into digests: they act rarely and expect to see it.
 */
export async function applyAlertChange(
  deps: AlertChangeDeps,
  alertId: string,
  decide: (loaded: LoadedAlert, now: Date) => AlertChange | undefined,
  audit?: AuditWrite,
  readAlready?: AlertSnapshot,
): Promise<ApplyResult> {
  let found = true;
  const outcome = await commitChange(deps.outbox, {
    alertId,
    ...(readAlready ? { readAlready } : {}),
    owner: `change:${randomUUID()}`,
    decide: ({ record, mute }, now): Decided => {
      found = record !== undefined;
      const change = record ? decide({ record, ...(mute ? { mute } : {}) }, now) : undefined;
      if (!change) return {};
      const claim = audit?.replayClaim;
      return {
        change,
        timing: { exempt: true },
        ...(audit ? { audit: audit.entry } : {}),
        ...(claim ? { replayClaim: claim } : {}),
      };
    },
  });
  if (outcome.kind === 'contention')
    throw new AlertContentionError(`alert ${alertId} kept changing; try again`);
  if (outcome.kind === 'replayed') return 'replayed';
  if (outcome.kind !== 'committed') return 'unchanged';
  if (!found) return 'not-found';
  if (!outcome.decided.change) return 'unchanged';
  const stalled = outcome.drain?.outcome === 'slack-failed';
  return stalled ? 'changed-slack-behind' : 'changed';
}
