import type { App } from '@slack/bolt';
import { addNote } from '../../../core/buttons/add-note.ts';
import { NoteModalIds } from '../../../render/note-modal.ts';
import { replayClaimOf } from '../../replay-claim-context.ts';
import { readActor } from '../actions/read-action-body.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { readNoteSubmission } from './read-note-submission.ts';

/** An empty note keeps the modal open with an error; a good one closes it, then the note is added. */
export function registerNoteSubmission(app: App, deps: ListenerDeps): void {
  app.view(NoteModalIds.callbackId, async ({ ack, body, view, context }) => {
    const submission = readNoteSubmission(view);
    if (!submission.ok) return ack({ response_action: 'errors', errors: submission.errors });
    await ack();
    const replayClaim = replayClaimOf(context);
    await addNote(deps, {
      alertId: submission.alertId,
      ...(submission.channel ? { channel: submission.channel } : {}),
      actor: readActor(body.user),
      text: submission.text,
      ...(replayClaim ? { replayClaim } : {}),
    });
  });
}
