import type { SlackUserRef } from '../../model/alert-view.ts';
import type { ReplayClaim } from '../../model/replay-claim.ts';
import { MuteChoices } from '../../render/action-values.ts';
import { renderMuteModal } from '../../render/mute-modal.ts';
import type { AlertActionDeps } from './action-deps.ts';
import { outcomeOf } from './alert-state-actions.ts';
import { applyAlertChange } from './apply-alert-change.ts';
import { decideMute } from './decide-mute.ts';
import { refuseIfNotAllowed, runAlertAction } from './run-alert-action.ts';

export interface MuteInput {
  alertId: string;
  actor: SlackUserRef;
  channel?: string;
  /** A menu choice ('1h', 'resolved', …) or 'custom' from the modal. */
  choice: keyof typeof MuteChoices;
  /** undefined: until resolved. */
  durationMs?: number;
  reason?: string;
  replayClaim?: ReplayClaim;
}

/** Mutes the alert; an expired mute still on record is ended by the same change, its summary kept. */
export function muteAlert(deps: AlertActionDeps, input: MuteInput) {
  const { alertId, actor, channel, replayClaim, ...params } = input;
  const request = {
    action: 'mute' as const,
    alertId,
    actor,
    channel,
    params,
    ...(replayClaim ? { replayClaim } : {}),
  };
  return runAlertAction(deps, request, async (audit) => {
    const result = await applyAlertChange(
      deps,
      alertId,
      (loaded, now) =>
        decideMute(loaded, { by: actor, durationMs: input.durationMs, reason: input.reason }, now),
      audit,
    );
    return outcomeOf(result);
  });
}

/** Durations of the menu; 'custom' is asked in a modal and never reaches here. */
export function durationOfChoice(choice: Exclude<keyof typeof MuteChoices, 'custom'>): number | undefined {
  return MuteChoices[choice].durationMs;
}

/** The Mute menu's "Custom…": opens the modal if the person may mute at all (refusals are audited). */
export async function openCustomMuteModal(
  deps: AlertActionDeps,
  input: { alertId: string; actor: SlackUserRef; channel?: string; triggerId: string },
): Promise<void> {
  const request = { action: 'mute' as const, ...input, params: { choice: 'custom' } };
  if (await refuseIfNotAllowed(deps, request)) return;
  const { record } = await deps.store.alerts.loadAlert(input.alertId);
  if (!record) return;
  await deps.webClient.views.open({
    trigger_id: input.triggerId,
    view: renderMuteModal({
      alertId: record.alertId,
      channel: input.channel ?? record.channel,
      title: record.alert.title,
    }),
  });
}
