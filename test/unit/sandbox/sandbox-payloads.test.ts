import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultSandboxActor as actor,
  buildAppHomeOpenedEvent,
  buildBlockAction,
  buildBlockActionsPayload,
  buildSlashCommandFields,
} from '../../../src/sandbox/sandbox-payloads.ts';
import { buildViewStateValues, buildViewSubmissionPayload } from '../../../src/sandbox/sandbox-view-state.ts';

const readFixture = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/slack/${name}`, 'utf8')) as Record<string, unknown>;
const ids = { triggerId: '1700000000.1.abc', actionTs: '1700000000.000100' };
const button = {
  type: 'button',
  action_id: 'klaxon_ack',
  style: 'primary',
  text: { type: 'plain_text', text: 'Acknowledge', emoji: true },
  value: 'alert-1',
};
const muteMenu = {
  type: 'static_select',
  action_id: 'klaxon_mute',
  placeholder: { type: 'plain_text', text: 'Mute…' },
  option_groups: [
    {
      label: { type: 'plain_text', text: 'Short' },
      options: [{ text: { type: 'plain_text', text: '1 hour' }, value: '1h|alert-1' }],
    },
  ],
};

describe('buildBlockAction', () => {
  it('describes a button click as Slack does', () => {
    expect(buildBlockAction(button, 'klaxon_alert_actions', undefined, ids.actionTs)).toEqual({
      type: 'button',
      action_id: 'klaxon_ack',
      block_id: 'klaxon_alert_actions',
      action_ts: ids.actionTs,
      text: button.text,
      value: 'alert-1',
      style: 'primary',
    });
  });

  it('carries the picked option of a menu, found through option groups', () => {
    const action = buildBlockAction(muteMenu, 'b', '1h|alert-1', ids.actionTs);
    expect(action?.selected_option).toEqual({
      text: { type: 'plain_text', text: '1 hour' },
      value: '1h|alert-1',
    });
  });

  it('refuses options the element does not offer and elements that are not interactive', () => {
    expect(buildBlockAction(muteMenu, 'b', 'forever|alert-1', ids.actionTs)).toBeUndefined();
    expect(buildBlockAction({ type: 'image' }, 'b', undefined, ids.actionTs)).toBeUndefined();
  });
});

describe('buildBlockActionsPayload', () => {
  const action = buildBlockAction(button, 'klaxon_alert_actions', undefined, ids.actionTs)!;

  it('has every field of Slack documented example for a message', () => {
    const message = { type: 'message', ts: '1700000000.000100', text: 'CPU high' };
    const payload = buildBlockActionsPayload({
      actor,
      container: { type: 'message', channel: 'C0ALERTS', channelName: 'alerts', message, isEphemeral: false },
      action,
      ids,
      responseUrl: 'http://127.0.0.1:1/response/R1',
    });
    for (const key of Object.keys(readFixture('block-actions-button.json')))
      expect(payload).toHaveProperty(key);
    expect(payload).toMatchObject({
      user: { id: 'U0SANDBOX', username: 'you' },
      container: { type: 'message', message_ts: message.ts, channel_id: 'C0ALERTS', is_ephemeral: false },
      channel: { id: 'C0ALERTS', name: 'alerts' },
      message,
      actions: [action],
    });
  });

  it('leaves the message out for an ephemeral message and names the view for a view', () => {
    const ephemeral = buildBlockActionsPayload({
      actor,
      container: {
        type: 'message',
        channel: 'C0ALERTS',
        channelName: 'alerts',
        messageTs: '5.0',
        isEphemeral: true,
      },
      action,
      ids,
    });
    expect(ephemeral).not.toHaveProperty('message');
    expect(ephemeral.container).toMatchObject({ message_ts: '5.0', is_ephemeral: true });
    const view = { id: 'V1', type: 'home', blocks: [] };
    const fromView = buildBlockActionsPayload({ actor, container: { type: 'view', view }, action, ids });
    expect(fromView).toMatchObject({ container: { type: 'view', view_id: 'V1' }, view });
    expect(fromView).not.toHaveProperty('response_url');
  });
});

describe('commands and events', () => {
  it('sends the slash command as the sandbox user from the chosen channel', () => {
    const fields = buildSlashCommandFields({
      actor,
      channel: 'C0ALERTS',
      channelName: 'alerts',
      text: 'trail user=alice',
      responseUrl: 'http://127.0.0.1:1/response/R2',
      triggerId: ids.triggerId,
    });
    expect(fields).toMatchObject({
      command: '/klaxon',
      user_id: 'U0SANDBOX',
      channel_id: 'C0ALERTS',
      text: 'trail user=alice',
    });
  });

  it('wraps app_home_opened in the Events API envelope', () => {
    const event = buildAppHomeOpenedEvent(actor, '1700000000.000200');
    expect(event).toMatchObject({
      type: 'event_callback',
      event: { type: 'app_home_opened', user: 'U0SANDBOX', tab: 'home' },
    });
    // The documented event carries the Home view only once one was published.
    const documented = Object.keys(readFixture('app-home-opened.json')).filter((key) => key !== 'view');
    for (const key of documented) expect(event.event).toHaveProperty(key);
  });
});

describe('view submissions', () => {
  const blocks = [
    { type: 'section', text: { type: 'plain_text', text: 'CPU high' } },
    {
      type: 'input',
      block_id: 'mute_duration',
      element: { type: 'plain_text_input', action_id: 'duration' },
    },
    {
      type: 'input',
      block_id: 'scope',
      element: { type: 'static_select', action_id: 'pick', options: muteMenu.option_groups[0]!.options },
    },
    {
      type: 'input',
      element: { type: 'checkboxes', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }] },
    },
    { type: 'input', block_id: 'when', element: { type: 'datetimepicker', action_id: 'at' } },
  ];

  it('types each input as Slack does, with empty inputs as null', () => {
    const values = buildViewStateValues(blocks, {
      mute_duration: { duration: '2h' },
      scope: { pick: '1h|alert-1' },
      'block-3': { 'action-3': ['a', 'unknown'] },
    });
    expect(values).toEqual({
      mute_duration: { duration: { type: 'plain_text_input', value: '2h' } },
      scope: {
        pick: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: '1 hour' }, value: '1h|alert-1' },
        },
      },
      'block-3': {
        'action-3': {
          type: 'checkboxes',
          selected_options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }],
        },
      },
      when: { at: { type: 'datetimepicker', selected_date_time: null } },
    });
  });

  it('has every field of Slack documented example', () => {
    const view = {
      id: 'V1',
      type: 'modal',
      title: { type: 'plain_text', text: 'Mute alert' },
      submit: { type: 'plain_text', text: 'Mute' },
      hash: '1700000000.000300',
      callback_id: 'klaxon_mute_custom',
      private_metadata: 'alert-1',
      blocks,
    };
    const payload = buildViewSubmissionPayload({ actor, view, inputs: {}, triggerId: ids.triggerId });
    const documented = readFixture('view-submission.json');
    for (const key of Object.keys(documented)) expect(payload).toHaveProperty(key);
    // The docs' example prints response_urls inside the view; Slack sends it (and Bolt reads it) at the top.
    const viewKeys = Object.keys(documented.view as object).filter((key) => key !== 'response_urls');
    for (const key of viewKeys) expect(payload.view).toHaveProperty(key);
    expect(payload).toHaveProperty('response_urls', []);
    expect(payload.view).toMatchObject({ callback_id: 'klaxon_mute_custom', private_metadata: 'alert-1' });
  });
});
