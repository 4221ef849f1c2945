import type { SlackUserRef } from '../../model/alert-view.ts';
import type { ReplayClaim } from '../../model/replay-claim.ts';
import type { AlertActionDeps } from './action-deps.ts';
import type { AlertChange, LoadedAlert } from './alert-change.ts';
import { type ApplyResult, applyAlertChange, slackBehindNote } from './apply-alert-change.ts';
import { decideAcknowledge, decideUnacknowledge } from './decide-acknowledge.ts';
import { decideUnmute } from './decide-mute.ts';
import { decideReopen, decideResolve, refuseManualResolve } from './decide-resolve.ts';
import {
  type ActionOutcome,
  type ActionRequest,
  type AuditAction,
  runAlertAction,
} from './run-alert-action.ts';

type Decide = (loaded: LoadedAlert, user: SlackUserRef, now: Date) => AlertChange | undefined;

const decisions = {
  acknowledge: decideAcknowledge,
  unacknowledge: decideUnacknowledge,
  resolve: decideResolve,
  reopen: decideReopen,
  unmute: decideUnmute,
} as const satisfies Partial<Record<AuditAction, Decide>>;

export type StateAction = keyof typeof decisions;

export interface StateActionInput {
  alertId: string;
  actor: SlackUserRef;
  channel?: string | undefined;
  replayClaim?: ReplayClaim | undefined;
}

/** Acknowledge, Unacknowledge, Resolve, Reopen and Unmute: one decision each, the same frame for all. */
export function performStateAction(deps: AlertActionDeps, action: StateAction, input: StateActionInput) {
  const { replayClaim, channel, ...who } = input;
  const request: ActionRequest = {
    action,
    ...who,
    ...(channel ? { channel } : {}),
    ...(replayClaim ? { replayClaim } : {}),
    params: {},
  };
  return runAlertAction(deps, request, async (audit) => {
    const decide = decisions[action];
    let refusal: string | undefined;
    const result = await applyAlertChange(
      deps,
      input.alertId,
      (loaded, now) => {
        refusal = action === 'resolve' ? refuseManualResolve(loaded.record.alert) : undefined;
        return decide(loaded, input.actor, now);
      },
      audit,
    );
    // The decision already changed nothing; this only says why, to the person and in the audit.
    if (refusal) return { result: 'refused', detail: 'resolved by an event only', ephemeral: refusal };
    return outcomeOf(result);
  });
}

/** "unchanged" is a success: the alert already is what the person asked for. */
export function outcomeOf(result: ApplyResult): ActionOutcome {
  if (result === 'changed') return { result: 'ok', audited: true };
  if (result === 'changed-slack-behind') {
    return { result: 'ok', audited: true, ephemeral: `Saved. ${slackBehindNote}` };
  }
  if (result === 'unchanged') return { result: 'ok', detail: 'no change' };
  if (result === 'replayed') return { result: 'replayed' };
  return { result: 'failed', detail: 'alert not found', ephemeral: 'Klaxon no longer knows this alert.' };
}
