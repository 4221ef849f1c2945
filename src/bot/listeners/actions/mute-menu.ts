import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { durationOfChoice, openCustomMuteModal } from '../../../core/buttons/mute-alert.ts';
import { AlertActionIds, parseMuteOptionValue } from '../../../render/action-values.ts';
import { replayClaimOf } from '../../replay-claim-context.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readActor, readChannel } from './read-action-body.ts';

/** The Mute menu: a fixed duration mutes at once; "Custom…" opens the modal (its trigger_id lives 3 s). */
export function registerMuteMenu(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(AlertActionIds.mute, async ({ ack, body, action, context }) => {
    await ack();
    const parsed = parseMuteOptionValue(action.selected_option?.value ?? '');
    if (!parsed.ok) return deps.logger.warn({ err: parsed.error }, 'ignored a malformed mute option');
    const { choice, alertId } = parsed.value;
    const who = { alertId, actor: readActor(body.user), channel: readChannel(body) };
    if (choice === 'custom') return openCustomMuteModal(deps, { ...who, triggerId: body.trigger_id });
    const durationMs = durationOfChoice(choice);
    const { channel, ...rest } = who;
    const replayClaim = replayClaimOf(context);
    await deps.actionRunner.dispatch({
      kind: 'mute',
      ...rest,
      ...(channel ? { channel } : {}),
      choice,
      ...(durationMs ? { durationMs } : {}),
      ...(replayClaim ? { replayClaim } : {}),
    });
  });
}
