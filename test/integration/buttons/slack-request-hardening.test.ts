import { describe, expect, it } from 'vitest';
import {
  interactionBody,
  signSlackRequest,
  slashCommandBody,
} from '../../../src/sandbox/sign-slack-request.ts';
import { type Harness, signingSecret, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alice,
  blockActionsPayload,
  type Clicker,
  findElement,
  fireAlarm,
  postToSlackEndpoint,
  waitForAudits,
  waitForSlackWorkIdle,
  workspaceId,
} from './slack-requests.ts';

const h = useHarness({}, { slackAppId: 'A0KLAXON01' });

/** Each test clicks as its own person, so counting their audit records tells what their clicks did. */
const person = (name: string): Clicker => ({ userId: `U0${name.toUpperCase()}`, userName: name });

/** Posts exactly these bytes and headers, as an attacker replaying a captured request would. */
async function postSigned(harness: Harness, body: string, headers: Record<string, string>) {
  const response = await fetch(`${harness.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function ackClick(
  name: string,
  who: Clicker,
  change: (payload: Record<string, unknown>) => void = () => {},
) {
  const root = await fireAlarm(h, name);
  const payload = blockActionsPayload(root, findElement(root, 'klaxon_ack'), who);
  payload.api_app_id = 'A0KLAXON01';
  change(payload);
  return interactionBody(payload);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Slack requests Klaxon must not act on', () => {
  it('acts once on a signed click replayed three times, answering the replays 200 with nothing', async () => {
    const ivy = person('ivy');
    const body = await ackClick('Replay-CPU', ivy);
    const headers = { ...signSlackRequest(signingSecret, body) };
    expect((await postSigned(h, body, headers)).status).toBe(200);
    await waitForAudits(h, ivy.userId, 1);
    const updates = h.slack.callsTo('chat.update').length;

    const replays = [await postSigned(h, body, headers), await postSigned(h, body, headers)];
    expect(replays).toEqual([
      { status: 200, text: '' },
      { status: 200, text: '' },
    ]);
    const retry = await postSigned(h, body, { ...headers, 'X-Slack-Retry-Num': '1' });
    expect(retry).toEqual({ status: 200, text: '' });
    await waitForSlackWorkIdle(h);
    expect(await h.store.audit.listByUser(ivy.userId)).toHaveLength(1);
    expect(h.slack.callsTo('chat.update')).toHaveLength(updates);
  });

  it('acts once on the same signed click arriving twice at once', async () => {
    const nia = person('nia');
    const body = await ackClick('Twice-CPU', nia);
    const headers = { ...signSlackRequest(signingSecret, body) };
    const updates = h.slack.callsTo('chat.update').length;
    const answers = await Promise.all([postSigned(h, body, headers), postSigned(h, body, headers)]);
    expect(answers).toEqual([
      { status: 200, text: '' },
      { status: 200, text: '' },
    ]);
    await waitForAudits(h, nia.userId, 1);
    await waitForSlackWorkIdle(h);
    expect(await h.store.audit.listByUser(nia.userId)).toHaveLength(1);
    expect(h.slack.callsTo('chat.update')).toHaveLength(updates + 1);
    expect(h.slack.ephemerals().filter((e) => e.user === nia.userId)).toHaveLength(0);
  });

  it('refuses a timestamp more than 5 minutes in the future (401)', async () => {
    const jack = person('jack');
    const body = await ackClick('Future-CPU', jack);
    const response = await postToSlackEndpoint(h, body, { timestamp: nowSeconds() + 6 * 60 });
    expect(response.status).toBe(401);
    expect(await h.store.audit.listByUser(jack.userId)).toHaveLength(0);
  });

  it('refuses a click from another workspace, signed with our secret (403)', async () => {
    const kim = person('kim');
    const body = await ackClick('Foreign-CPU', kim, (payload) => {
      payload.team = { id: 'T0STRANGER', domain: 'elsewhere' };
      payload.user = { ...(payload.user as object), team_id: 'T0STRANGER' };
    });
    expect((await postToSlackEndpoint(h, body)).status).toBe(403);
    expect(await h.store.audit.listByUser(kim.userId)).toHaveLength(0);
  });

  it('refuses a click of another app when SLACK_APP_ID is set (403)', async () => {
    const lee = person('lee');
    const body = await ackClick('OtherApp-CPU', lee, (payload) => {
      payload.api_app_id = 'A0OTHERAPP';
    });
    expect((await postToSlackEndpoint(h, body)).status).toBe(403);
    expect(await h.store.audit.listByUser(lee.userId)).toHaveLength(0);
  });

  it('refuses slash commands and events of another workspace or app (403)', async () => {
    const responseUrl = h.slack.createResponseUrl();
    const foreignTeam = slashCommandBody({
      team_id: 'T0STRANGER',
      api_app_id: 'A0KLAXON01',
      response_url: responseUrl,
    });
    const foreignApp = slashCommandBody({
      team_id: workspaceId,
      api_app_id: 'A0OTHERAPP',
      response_url: responseUrl,
    });
    expect((await postToSlackEndpoint(h, foreignTeam)).status).toBe(403);
    expect((await postToSlackEndpoint(h, foreignApp)).status).toBe(403);
    const event = {
      type: 'event_callback',
      team_id: 'T0STRANGER',
      api_app_id: 'A0KLAXON01',
      event_id: 'EvForeign1',
      event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'home' },
    };
    expect((await postToSlackEndpoint(h, JSON.stringify(event), { json: true })).status).toBe(403);
    expect(h.slack.callsTo('views.publish')).toHaveLength(0);
  });

  it('acknowledges an unknown action id or payload type at once, and does nothing', async () => {
    const mia = person('mia');
    const unknownAction = await ackClick('Unknown-CPU', mia, (payload) => {
      payload.actions = [{ type: 'button', action_id: 'klaxon_from_the_future', value: 'x' }];
    });
    expect(await postToSlackEndpoint(h, unknownAction)).toEqual({ status: 200, text: '' });
    const shortcut = {
      type: 'shortcut',
      callback_id: 'x',
      team: { id: workspaceId },
      user: { id: mia.userId },
      api_app_id: 'A0KLAXON01',
    };
    expect(await postToSlackEndpoint(h, interactionBody(shortcut))).toEqual({ status: 200, text: '' });
    expect(await h.store.audit.listByUser(mia.userId)).toHaveLength(0);
  });

  it('answers 400 to an interactive payload without a user', async () => {
    const body = await ackClick('NoUser-CPU', alice, (payload) => {
      delete payload.user;
    });
    expect((await postToSlackEndpoint(h, body)).status).toBe(400);
  });
});
