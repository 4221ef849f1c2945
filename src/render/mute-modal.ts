import type { ModalView } from '@slack/types';
import { muteDurationMaxLength, muteReasonMaxLength } from '../model/input-limits.ts';
import type { ModalTarget } from './action-values.ts';
import { renderAlertFormModal } from './alert-form-modal.ts';

/** Stable ids: the view_submission listener registers on the callback id and reads the inputs by these. */
export const MuteModalIds = {
  callbackId: 'klaxon_mute_custom',
  durationBlock: 'mute_duration',
  durationAction: 'duration',
  reasonBlock: 'mute_reason',
  reasonAction: 'reason',
} as const;

/** The "Custom…" mute: a duration and a reason. */
export function renderMuteModal(input: ModalTarget & { title: string }): ModalView {
  return renderAlertFormModal({
    callbackId: MuteModalIds.callbackId,
    target: { alertId: input.alertId, ...(input.channel ? { channel: input.channel } : {}) },
    alertTitle: input.title,
    title: 'Mute alert',
    submit: 'Mute',
    inputs: [
      {
        type: 'input',
        block_id: MuteModalIds.durationBlock,
        label: { type: 'plain_text', text: 'For how long' },
        hint: { type: 'plain_text', text: 'Days, hours and minutes: 90m, 2h30m, 1d. At most 30 days.' },
        element: {
          type: 'plain_text_input',
          action_id: MuteModalIds.durationAction,
          placeholder: { type: 'plain_text', text: '2h' },
          max_length: muteDurationMaxLength,
        },
      },
      {
        type: 'input',
        block_id: MuteModalIds.reasonBlock,
        label: { type: 'plain_text', text: 'Why' },
        element: {
          type: 'plain_text_input',
          action_id: MuteModalIds.reasonAction,
          multiline: true,
          max_length: muteReasonMaxLength,
        },
      },
    ],
  });
}
