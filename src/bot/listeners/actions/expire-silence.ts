import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { expireSilenceByButton } from '../../../core/silences/end-silence.ts';
import { silenceExpireActionId } from '../../../render/silences.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor, readChannel } from './read-action-body.ts';

const silenceIdPattern = /^[0-9a-f-]{36}$/;

/** The Expire button of `/klaxon silences`; its value is the silence id. */
export function registerExpireSilence(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(silenceExpireActionId, async ({ ack, body, action }) => {
    await ack();
    const silenceId = action.value ?? '';
    if (!silenceIdPattern.test(silenceId))
      return deps.logger.warn({ silenceId }, 'ignored a malformed Expire button');
    const channel = readChannel(body);
    await expireSilenceByButton(deps, {
      silenceId,
      actor: readActor(body.user),
      ...(channel ? { channel } : {}),
    });
  });
}
