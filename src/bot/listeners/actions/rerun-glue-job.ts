import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { AlertActionIds, parseRerunValue } from '../../../render/action-values.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor, readChannel } from './read-action-body.ts';

/** Sent only after Slack's confirm dialog; the core makes one Glue run of it however often it arrives. */
export function registerRerunGlueJob(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(AlertActionIds.rerunGlueJob, async ({ ack, body, action }) => {
    await ack();
    const parsed = parseRerunValue(action.value ?? '');
    if (!parsed.ok) return deps.logger.warn({ err: parsed.error }, 'ignored a malformed rerun button');
    const channel = readChannel(body);
    await deps.actionRunner.dispatch({
      kind: 'rerun',
      ...parsed.value,
      actor: readActor(body.user),
      ...(channel ? { channel } : {}),
    });
  });
}
