import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { interactionBody, slashCommandBody } from '../../../src/sandbox/sign-slack-request.ts';
import type { FakeClock } from '../../helpers/fake-clock.ts';
import { type Harness, testTopicArn } from '../../helpers/klaxon-harness.ts';
import {
  alarm,
  alice,
  blockActionsPayload,
  type Clicker,
  findElement,
  openAppHome,
  postToSlackEndpoint,
  rootOf,
  workspaceId,
} from '../buttons/slack-requests.ts';

export const minute = 60_000;

/** Two reminder levels on every alert: a user group after 15 minutes, the channel 30 minutes later. */
export const escalationConfig = {
  routes: [
    {
      channel: 'C0ALERTS',
      escalation: [
        { afterMinutes: 15, targets: ['S0614TZR7'] },
        { afterMinutes: 30, targets: ['@channel'] },
      ],
    },
  ],
};

/** A click signed at the fake clock's time, as Slack would sign it while that much time has passed. */
export function clickAt(h: Harness, clock: FakeClock, root: StoredMessage, actionId: string, who = alice) {
  const { confirm: _c, style: _s, ...action } = findElement(root, actionId);
  return sendAction(h, clock, root, action, who);
}

export function sendAction(
  h: Harness,
  clock: FakeClock,
  root: StoredMessage,
  action: Record<string, unknown>,
  who: Clicker = alice,
) {
  const body = interactionBody(blockActionsPayload(root, action, who));
  return postToSlackEndpoint(h, body, { timestamp: Math.floor(clock.now() / 1000) });
}

/** An ALARM for `name` at the fake clock's time; returns its root message. */
export async function fireAlarmAt(
  h: Harness,
  clock: FakeClock,
  name: string,
  state: 'ALARM' | 'OK' = 'ALARM',
) {
  const at = new Date(clock.now());
  const message = h.signer.notification(testTopicArn, alarm(name, state, at), {
    timestamp: at.toISOString(),
  });
  const answer = await h.postSns(message);
  if (answer.status !== 200) throw new Error(`SNS answer ${answer.status}: ${JSON.stringify(answer.body)}`);
  return rootOf(h, name);
}

/** Replies in the thread of `name`'s root, as text. */
export function repliesOf(h: Harness, name: string): StoredMessage[] {
  return rootOf(h, name).replies;
}

/** Broadcast replies shown in the channel itself (Slack's `thread_broadcast`). */
export function broadcastsOf(h: Harness, root: StoredMessage): StoredMessage[] {
  return h.slack
    .messages(root.channel)
    .filter((message) => message.subtype === 'thread_broadcast' && message.thread_ts === root.ts);
}

/** `/klaxon <text>` signed at the fake clock's time; returns the id of its response_url. */
export async function slashCommandAt(h: Harness, clock: FakeClock, text: string) {
  const responseUrl = h.slack.createResponseUrl({ channel: 'C0ALERTS', userId: alice.userId });
  const body = slashCommandBody({
    channel_id: 'C0ALERTS',
    user_id: alice.userId,
    team_id: workspaceId,
    text,
    response_url: responseUrl,
  });
  await postToSlackEndpoint(h, body, { timestamp: Math.floor(clock.now() / 1000) });
  return responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
}

/** The documented app_home_opened event, signed at the fake clock's time; returns the published Home. */
export async function appHomeAt(h: Harness, clock: FakeClock, userId: string) {
  const published = h.slack.callsTo('views.publish').length;
  await openAppHome(h, userId, clock.now());
  await h.slack.waitForCalls('views.publish', published + 1);
  return JSON.stringify(h.slack.views().find((view) => view.user_id === userId)?.view ?? {});
}
