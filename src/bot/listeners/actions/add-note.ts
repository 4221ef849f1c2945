import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { openNoteModal } from '../../../core/buttons/add-note.ts';
import { AlertActionIds, parseAlertIdValue } from '../../../render/action-values.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor, readChannel } from './read-action-body.ts';

/** "Add note" opens the note modal at once: its trigger_id lives 3 seconds. */
export function registerAddNote(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(AlertActionIds.addNote, async ({ ack, body, action }) => {
    await ack();
    const alertId = parseAlertIdValue(action.value ?? '');
    if (!alertId.ok) return deps.logger.warn({ err: alertId.error }, 'ignored a malformed note button');
    await openNoteModal(deps, {
      alertId: alertId.value,
      actor: readActor(body.user),
      channel: readChannel(body),
      triggerId: body.trigger_id,
    });
  });
}
