import type { App } from '@slack/bolt';
import { MuteModalIds } from '../../../render/mute-modal.ts';
import { replayClaimOf } from '../../replay-claim-context.ts';
import { readActor } from '../actions/read-action-body.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readMuteSubmission } from './read-mute-submission.ts';

/** Bad input keeps the modal open with errors; good input closes it, then the mute is applied. */
export function registerMuteCustomSubmission(app: App, deps: ListenerDeps): void {
  app.view(MuteModalIds.callbackId, async ({ ack, body, view, context }) => {
    const submission = readMuteSubmission(view);
    if (!submission.ok) return ack({ response_action: 'errors', errors: submission.errors });
    await ack();
    const { alertId, channel, durationMs, reason } = submission;
    const replayClaim = replayClaimOf(context);
    await deps.actionRunner.dispatch({
      kind: 'mute',
      alertId,
      ...(channel ? { channel } : {}),
      actor: readActor(body.user),
      choice: 'custom',
      ...(durationMs ? { durationMs } : {}),
      ...(reason ? { reason } : {}),
      ...(replayClaim ? { replayClaim } : {}),
    });
  });
}
