import type { ModalView } from '@slack/types';
import { noteMaxLength } from '../model/input-limits.ts';
import type { ModalTarget } from './action-values.ts';
import { renderAlertFormModal } from './alert-form-modal.ts';

/** Stable ids: the view_submission listener registers on the callback id and reads the note by these. */
export const NoteModalIds = {
  callbackId: 'klaxon_note',
  noteBlock: 'note',
  noteAction: 'text',
} as const;

/** "Add note": one multi-line input. */
export function renderNoteModal(input: ModalTarget & { title: string }): ModalView {
  return renderAlertFormModal({
    callbackId: NoteModalIds.callbackId,
    target: { alertId: input.alertId, ...(input.channel ? { channel: input.channel } : {}) },
    alertTitle: input.title,
    title: 'Add note',
    submit: 'Add note',
    inputs: [
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
  });
}
