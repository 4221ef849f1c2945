import { describe, expect, it } from 'vitest';
import { judgeSlackRequest, type SlackRequestPolicy } from '../../../src/bot/slack-request-guard.ts';
import {
  interactionBody,
  signSlackRequest,
  slashCommandBody,
} from '../../../src/sandbox/sign-slack-request.ts';

const secret = 'guard-signing-secret';
const nowMs = Date.parse('2026-11-25T10:00:00Z');
const nowSec = nowMs / 1000;
const policy: SlackRequestPolicy = { signingSecret: secret, nowMs, teamId: 'T0KLAXON1' };

const click = (overrides: Record<string, unknown> = {}) => ({
  type: 'block_actions',
  team: { id: 'T0KLAXON1', domain: 'klaxon' },
  user: { id: 'U0ALICE', team_id: 'T0KLAXON1' },
  api_app_id: 'A0KLAXON01',
  actions: [{ action_id: 'klaxon_ack', type: 'button', value: 'a1' }],
  ...overrides,
});

function request(body: string, options: { json?: boolean; timestamp?: number; secret?: string } = {}) {
  const headers = signSlackRequest(options.secret ?? secret, body, options.timestamp ?? nowSec);
  return {
    rawBody: body,
    contentType: options.json ? 'application/json' : 'application/x-www-form-urlencoded',
    signature: headers['X-Slack-Signature'],
    timestamp: headers['X-Slack-Request-Timestamp'],
  };
}

const judge = (body: string, options?: Parameters<typeof request>[1], p: Partial<SlackRequestPolicy> = {}) =>
  judgeSlackRequest(request(body, options), { ...policy, ...p });

describe('judgeSlackRequest', () => {
  it('passes a signed click of our workspace on to Bolt, with a replay key', () => {
    const verdict = judge(interactionBody(click()));
    expect(verdict).toMatchObject({
      verdict: 'pass',
      replayKey: expect.stringMatching(/^sig:[0-9a-f]{64}$/),
    });
  });

  it('leaves the claim of a state button to its audit record, and claims every other request first', () => {
    const withAudit = (actionId: string, type = 'button') =>
      judge(interactionBody(click({ actions: [{ action_id: actionId, type, value: 'a1' }] })));
    for (const id of ['klaxon_ack', 'klaxon_unack', 'klaxon_resolve', 'klaxon_reopen', 'klaxon_unmute']) {
      expect(withAudit(id)).toMatchObject({ verdict: 'pass', claimedWithAudit: true });
    }
    // Rerun calls Glue before its audit record; the others open modals or read, writing nothing.
    for (const id of ['klaxon_rerun_glue', 'klaxon_details', 'klaxon_note']) {
      expect(withAudit(id)).not.toHaveProperty('claimedWithAudit');
    }
    const muteChoice = (value: string) =>
      judge(
        interactionBody(
          click({
            actions: [{ action_id: 'klaxon_mute', type: 'static_select', selected_option: { value } }],
          }),
        ),
      );
    expect(muteChoice('1h|6O2MmsxXrQJxJiq_kbfz_a')).toMatchObject({ claimedWithAudit: true });
    // Custom… opens a modal and writes nothing: claimed before Bolt, like a malformed choice.
    expect(muteChoice('custom|6O2MmsxXrQJxJiq_kbfz_a')).not.toHaveProperty('claimedWithAudit');
    expect(muteChoice('forever|x')).not.toHaveProperty('claimedWithAudit');
    const submission = (callbackId: string) =>
      judge(
        interactionBody(
          click({ type: 'view_submission', actions: undefined, view: { callback_id: callbackId } }),
        ),
      );
    expect(submission('klaxon_note')).toMatchObject({ claimedWithAudit: true });
    expect(submission('klaxon_mute_custom')).toMatchObject({ claimedWithAudit: true });
    const twoActions = click({
      actions: [
        { action_id: 'klaxon_ack', type: 'button', value: 'a1' },
        { action_id: 'klaxon_details', type: 'button', value: 'a1' },
      ],
    });
    expect(judge(interactionBody(twoActions))).not.toHaveProperty('claimedWithAudit');
    expect(judge(slashCommandBody({ team_id: 'T0KLAXON1' }))).not.toHaveProperty('claimedWithAudit');
  });

  it('gives the same replay key to the same request, another to another', () => {
    const body = interactionBody(click());
    const again = judge(body);
    expect(judge(body)).toEqual(again);
    expect(judge(body, { timestamp: nowSec - 1 })).not.toEqual(again);
  });

  it('keys events by event_id, so that Slack retries (re-signed) are recognised', () => {
    const envelope = {
      type: 'event_callback',
      team_id: 'T0KLAXON1',
      api_app_id: 'A0KLAXON01',
      event_id: 'Ev123',
      event: { type: 'app_home_opened', user: 'U0ALICE' },
    };
    const body = JSON.stringify(envelope);
    expect(judge(body, { json: true })).toEqual({ verdict: 'pass', replayKey: 'event:Ev123' });
    expect(judge(body, { json: true, timestamp: nowSec - 30 })).toEqual({
      verdict: 'pass',
      replayKey: 'event:Ev123',
    });
  });

  it.each([
    ['more than 5 minutes in the future', nowSec + 301],
    ['more than 5 minutes old', nowSec - 301],
  ])('refuses a timestamp %s (401)', (_label, timestamp) => {
    expect(judge(interactionBody(click()), { timestamp })).toMatchObject({ verdict: 'refuse', status: 401 });
  });

  it('accepts a timestamp a little in the future (clock skew)', () => {
    expect(judge(interactionBody(click()), { timestamp: nowSec + 299 })).toMatchObject({ verdict: 'pass' });
  });

  it('refuses a wrong signature and a missing timestamp (401)', () => {
    expect(judge(interactionBody(click()), { secret: 'wrong' })).toMatchObject({ status: 401 });
    const unsigned = { ...request(interactionBody(click())), timestamp: undefined };
    expect(judgeSlackRequest(unsigned, policy)).toMatchObject({ status: 401 });
  });

  it('refuses another workspace, from every kind of request (403)', () => {
    const foreign = { team: { id: 'T0STRANGER' }, user: { id: 'U0ALICE', team_id: 'T0STRANGER' } };
    expect(judge(interactionBody(click(foreign)))).toMatchObject({
      status: 403,
      reason: 'foreign-workspace',
    });
    expect(judge(slashCommandBody({ team_id: 'T0STRANGER' }))).toMatchObject({ status: 403 });
    const event = {
      type: 'event_callback',
      team_id: 'T0STRANGER',
      event_id: 'Ev1',
      event: { type: 'app_home_opened' },
    };
    expect(judge(JSON.stringify(event), { json: true })).toMatchObject({ status: 403 });
  });

  it('refuses another app when the app id is configured, and any app when it is not', () => {
    const body = interactionBody(click({ api_app_id: 'A0OTHER' }));
    expect(judge(body, {}, { appId: 'A0KLAXON01' })).toMatchObject({ status: 403, reason: 'foreign-app' });
    expect(judge(slashCommandBody({ api_app_id: 'A0OTHER' }), {}, { appId: 'A0KLAXON01' })).toMatchObject({
      status: 403,
    });
    expect(judge(body)).toMatchObject({ verdict: 'pass' });
  });

  it('asks Slack to retry while the workspace of the token is not known (503)', () => {
    expect(judge(interactionBody(click()), {}, { teamId: undefined })).toMatchObject({ status: 503 });
  });

  it('ignores at once what no listener handles: unknown action ids, payload types, commands, events', () => {
    expect(judge(interactionBody(click({ actions: [{ action_id: 'nobody_listens' }] })))).toMatchObject({
      verdict: 'ignore',
    });
    expect(judge(interactionBody(click({ type: 'shortcut', callback_id: 'x' })))).toMatchObject({
      verdict: 'ignore',
    });
    expect(judge(slashCommandBody({ command: '/other' }))).toMatchObject({ verdict: 'ignore' });
    const event = {
      type: 'event_callback',
      team_id: 'T0KLAXON1',
      event_id: 'Ev2',
      event: { type: 'reaction_added' },
    };
    expect(judge(JSON.stringify(event), { json: true })).toMatchObject({ verdict: 'ignore' });
  });

  it('refuses an interactive payload without a user, and a body that is not a Slack payload (400)', () => {
    const { user: _user, ...anonymous } = click();
    expect(judge(interactionBody(anonymous))).toMatchObject({ verdict: 'refuse', status: 400 });
    expect(judge('payload=%7Bnot-json')).toMatchObject({ status: 400 });
  });

  it('lets the URL verification handshake through (it carries no workspace)', () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 't' });
    expect(judge(body, { json: true }, { teamId: undefined })).toEqual({ verdict: 'pass' });
  });
});
