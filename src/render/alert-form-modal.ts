import type { InputBlock, ModalView } from '@slack/types';
import { encodeModalTarget, type ModalTarget } from './action-values.ts';
import { truncateText } from './limits.ts';

/**
 * A form about one alert (a note, a custom mute): the alert's title on top, the inputs below, Cancel beside the
 * submit button; the alert id (and the opener's channel) travel in private_metadata for the view_submission
 * listener.
 */
export function renderAlertFormModal(form: {
  callbackId: string;
  target: ModalTarget;
  alertTitle: string;
  /** Plain text of at most 24 characters (Slack's limit for modal titles). */
  title: string;
  submit: string;
  inputs: InputBlock[];
}): ModalView {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: encodeModalTarget(form.target),
    title: { type: 'plain_text', text: form.title },
    submit: { type: 'plain_text', text: form.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'plain_text', text: truncateText(form.alertTitle, 2900, 'plain_text'), emoji: true },
      },
      ...form.inputs,
    ],
  };
}
