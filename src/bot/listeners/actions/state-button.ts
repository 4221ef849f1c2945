import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { StateAction } from '../../../core/buttons/alert-state-actions.ts';
import { parseAlertIdValue } from '../../../render/action-values.ts';
import { replayClaimOf } from '../../replay-claim-context.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor, readChannel } from './read-action-body.ts';

/** Acknowledge, Unacknowledge, Resolve, Reopen, Unmute: a button whose value is the alert id. */
export function registerStateButton(app: App, deps: ListenerDeps, actionId: string, action: StateAction) {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button, context }) => {
    await ack();
    const alertId = parseAlertIdValue(button.value ?? '');
    if (!alertId.ok) return deps.logger.warn({ err: alertId.error, actionId }, 'ignored a malformed button');
    const channel = readChannel(body);
    const replayClaim = replayClaimOf(context);
    await deps.actionRunner.dispatch({
      kind: 'state',
      action,
      alertId: alertId.value,
      actor: readActor(body.user),
      ...(channel ? { channel } : {}),
      ...(replayClaim ? { replayClaim } : {}),
    });
  });
}
