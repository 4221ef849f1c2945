import type { SlackUserRef } from '../../model/alert-view.ts';
import type { ReplayClaim } from '../../model/replay-claim.ts';
import { renderNoteModal } from '../../render/note-modal.ts';
import type { AlertActionDeps } from './action-deps.ts';
import { outcomeOf } from './alert-state-actions.ts';
import { applyAlertChange } from './apply-alert-change.ts';
import { decideNote } from './decide-note.ts';
import { refuseIfNotAllowed, runAlertAction } from './run-alert-action.ts';

export interface NoteInput {
  alertId: string;
  actor: SlackUserRef;
  channel?: string;
  text: string;
  replayClaim?: ReplayClaim;
}

/** Adds the note: thread reply, latest note and count on the alert, and its audit record, in one commit. */
export function addNote(deps: AlertActionDeps, input: NoteInput) {
  const { alertId, actor, channel, text, replayClaim } = input;
  const request = {
    action: 'note' as const,
    alertId,
    actor,
    channel,
    params: { text },
    ...(replayClaim ? { replayClaim } : {}),
  };
  return runAlertAction(deps, request, async (audit) => {
    const result = await applyAlertChange(
      deps,
      alertId,
      (loaded, now) => decideNote(loaded, { by: actor, text }, now),
      audit,
    );
    return outcomeOf(result);
  });
}

/** The "Add note" button: opens the modal if the person may write on the alert (refusals are audited). */
export async function openNoteModal(
  deps: AlertActionDeps,
  input: { alertId: string; actor: SlackUserRef; channel?: string; triggerId: string },
): Promise<void> {
  const request = { action: 'note' as const, ...input, params: {} };
  if (await refuseIfNotAllowed(deps, request)) return;
  const { record } = await deps.store.alerts.loadAlert(input.alertId);
  if (!record) return;
  await deps.webClient.views.open({
    trigger_id: input.triggerId,
    view: renderNoteModal({
      alertId: record.alertId,
      channel: input.channel ?? record.channel,
      title: record.alert.title,
    }),
  });
}
