import type { ModalView } from '@slack/types';
import { noteMaxLength } from '../model/input-limits.ts';
import { truncateText } from './limits.ts';

/** Stable ids: the view_submission listener registers on the callback id and reads the note by these. */
export const NoteModalIds = {
  callbackId: 'klaxon_note',
  noteBlock: 'note',
  noteAction: 'text',
} as const;

/** "Add note": one multi-line input; the alert id travels in private_metadata. */
export function renderNoteModal(input: { alertId: string; title: string }): ModalView {
  return {
    type: 'modal',
    callback_id: NoteModalIds.callbackId,
    private_metadata: input.alertId,
    title: { type: 'plain_text', text: 'Add note' },
    submit: { type: 'plain_text', text: 'Add note' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'plain_text', text: truncateText(input.title, 2900, 'plain_text'), emoji: true },
      },
      {
        type: 'input',
        block_id: NoteModalIds.noteBlock,
        label: { type: 'plain_text', text: 'Note' },
        hint: { type: 'plain_text', text: 'Posted in the alert’s thread and shown with the alert.' },
        element: {
          type: 'plain_text_input',
          action_id: NoteModalIds.noteAction,
          multiline: true,
          max_length: noteMaxLength,
        },
      },
    ],
  };
}
