import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { showAlertDetails } from '../../../core/buttons/show-alert-details.ts';
import { AlertActionIds, parseAlertIdValue } from '../../../render/action-values.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor } from './read-action-body.ts';

/** Details opens a modal; its trigger_id lives 3 s, so the modal is opened right after the ack. */
export function registerDetails(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(AlertActionIds.details, async ({ ack, body, action }) => {
    await ack();
    const parsed = parseAlertIdValue(action.value ?? '');
    if (!parsed.ok) return deps.logger.warn({ err: parsed.error }, 'ignored a malformed details button');
    await showAlertDetails(deps, {
      alertId: parsed.value,
      actor: readActor(body.user),
      triggerId: body.trigger_id,
    });
  });
}
