import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { encodeRerunValue } from '../../../src/render/action-values.ts';
import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { interactionBody, signSlackRequest } from '../../../src/sandbox/sign-slack-request.ts';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { type Harness, signingSecret, testTopicArn } from '../../helpers/klaxon-harness.ts';
import { sweepCandidates } from '../../helpers/test-store.ts';

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));

export interface Clicker {
  userId: string;
  userName: string;
}
export const alice: Clicker = { userId: 'U0ALICE', userName: 'alice' };
export const mallory: Clicker = { userId: 'U0MALLORY', userName: 'mallory' };
/** The fake Slack's workspace, which its auth.test names: Klaxon serves no other. */
export const workspaceId = 'T0KLAXON1';
let clicks = 0;

/** Signs and posts a body to /slack/events like Slack does; `timestamp`/`secret` forge or age it. */
export async function postToSlackEndpoint(
  h: Harness,
  body: string,
  options: { json?: boolean; timestamp?: number; secret?: string } = {},
) {
  const headers = signSlackRequest(options.secret ?? signingSecret, body, options.timestamp);
  const response = await fetch(`${h.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** The documented block_actions example with the clicked element of our root message put in. */
export function blockActionsPayload(root: StoredMessage, element: Record<string, unknown>, who: Clicker) {
  const payload = fixture('slack/block-actions-button.json');
  payload.team = { ...payload.team, id: workspaceId };
  payload.user = {
    ...payload.user,
    id: who.userId,
    username: who.userName,
    name: who.userName,
    team_id: workspaceId,
  };
  payload.container = { type: 'message', message_ts: root.ts, channel_id: root.channel, is_ephemeral: false };
  payload.channel = { id: root.channel, name: 'alerts' };
  payload.message = { ...payload.message, ts: root.ts, text: root.text, blocks: root.blocks };
  // Two real clicks never share an action_ts; identical bodies in the same second would be a replay.
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(++clicks).padStart(6, '0')}`;
  payload.actions = [{ ...element, block_id: 'klaxon_alert_actions', action_ts: actionTs }];
  return payload;
}

/** The button (or menu) with this action_id in the root message's actions block. */
export function findElement(root: StoredMessage, actionId: string): Record<string, unknown> {
  const blocks = (root.blocks ?? []) as Array<{ type: string; elements?: Array<Record<string, unknown>> }>;
  const element = blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => e.action_id === actionId);
  if (!element) throw new Error(`no ${actionId} in the root message`);
  return element;
}

export function clickButton(h: Harness, root: StoredMessage, actionId: string, who: Clicker = alice) {
  const element = findElement(root, actionId);
  const { confirm: _confirm, style: _style, ...action } = element;
  return postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, action, who)));
}

/** A choice in the Mute menu: Slack sends a static_select action with the chosen option. */
export function chooseMute(h: Harness, root: StoredMessage, label: string, who: Clicker = alice) {
  return postToSlackEndpoint(h, muteChoiceBody(root, label, who));
}

/** The body Slack sends for a choice in the Mute menu (a static_select action with the chosen option). */
export function muteChoiceBody(root: StoredMessage, label: string, who: Clicker = alice) {
  const menu = findElement(root, 'klaxon_mute') as {
    options: Array<{ text: { text: string }; value: string }>;
    placeholder: unknown;
  };
  const option = menu.options.find((o) => o.text.text === label);
  if (!option) throw new Error(`no mute option ${label}`);
  const action = {
    type: 'static_select',
    action_id: 'klaxon_mute',
    selected_option: option,
    placeholder: menu.placeholder,
  };
  return interactionBody(blockActionsPayload(root, action, who));
}

/** The documented view_submission example carrying the opened modal's ids and the typed values. */
export function submitView(
  h: Harness,
  opened: { id: string; view: Record<string, unknown> },
  values: Record<string, Record<string, { type: string; value: string }>>,
  who: Clicker = alice,
) {
  return postToSlackEndpoint(h, viewSubmissionBody(opened, values, who));
}

export function viewSubmissionBody(
  opened: { id: string; view: Record<string, unknown> },
  values: Record<string, Record<string, { type: string; value: string }>>,
  who: Clicker = alice,
) {
  const payload = fixture('slack/view-submission.json');
  payload.team = { ...payload.team, id: workspaceId };
  payload.user = { id: who.userId, username: who.userName, name: who.userName, team_id: workspaceId };
  payload.api_app_id = 'AABA1ABCD';
  const { response_urls: _urls, ...view } = payload.view;
  payload.view = {
    ...view,
    id: opened.id,
    callback_id: opened.view.callback_id,
    private_metadata: opened.view.private_metadata,
    blocks: opened.view.blocks,
    state: { values },
  };
  return interactionBody(payload);
}

/** The documented app_home_opened event in the Events API envelope, sent (and signed) at `nowMs`. */
export function openAppHome(h: Harness, userId: string, nowMs = Date.now()) {
  const event = { ...fixture('slack/app-home-opened.json'), user: userId };
  const envelope = {
    token: '9s8d9as89d8as9d8as989',
    team_id: workspaceId,
    api_app_id: 'AABA1ABCD',
    event,
    type: 'event_callback',
    event_id: `Ev${nowMs}${++clicks}`,
    event_time: Math.floor(nowMs / 1000),
  };
  return postToSlackEndpoint(h, JSON.stringify(envelope), {
    json: true,
    timestamp: Math.floor(nowMs / 1000),
  });
}

/** Resolves when `count` audit records by this user exist: the click's work is then done. */
export async function waitForAudits(h: Harness, userId: string, count: number) {
  const found = await pollWithDeadline(
    () => h.store.audit.listByUser(userId, 100),
    (records): records is typeof records => records.length >= count,
    { timeoutMs: 8_000, intervalMs: 50 },
  );
  if (!found) throw new Error(`expected ${count} audit record(s) for ${userId}`);
  // The audit record is committed with its change, before the outbox runs the change's Slack steps.
  await waitForOutboxesIdle(h);
  return found;
}

/**
 * The DynamoDB commands Klaxon sends from `work` until the change's completion write (a PutItem after the
 * TransactWriteItems): the calls are watched themselves, since reading the store would add to them.
 */
export async function storeCallsUntilCompletion(h: Harness, work: () => Promise<unknown>): Promise<string[]> {
  const before = h.storeCalls().length;
  await work();
  const calls = await pollWithDeadline(
    async () => h.storeCalls().slice(before),
    (calls): calls is string[] =>
      calls.includes('TransactWriteItemsCommand') &&
      calls.lastIndexOf('PutItemCommand') > calls.indexOf('TransactWriteItemsCommand'),
    { timeoutMs: 8_000, intervalMs: 10 },
  );
  if (!calls) throw new Error(`no completion write after ${JSON.stringify(h.storeCalls().slice(before))}`);
  return calls;
}

/** A Rerun button as a message drawn while someone could rerun still carries it. */
export function staleRerunButton(alertId: string, jobName: string, jobRunId: string) {
  return {
    type: 'button',
    action_id: 'klaxon_rerun_glue',
    value: encodeRerunValue({ alertId, jobName, jobRunId }),
    text: { type: 'plain_text', text: 'Rerun Glue job' },
  };
}

/** No click or modal is still being worked on after Slack was answered (a replay's is a no-op once done). */
export async function waitForSlackWorkIdle(h: Harness, timeoutMs = 8_000) {
  const idle = await pollWithDeadline(
    async () => h.klaxon.slackWork.count(),
    (running): running is number => running === 0,
    { timeoutMs, intervalMs: 10 },
  );
  if (idle === undefined) throw new Error('Slack listeners were still working');
}

/** Every alert's outbox is empty and nobody holds a drain lease: Slack shows everything committed so far. */
export async function waitForOutboxesIdle(h: Harness, timeoutMs = 8_000) {
  const idle = await pollWithDeadline(
    async () => {
      const candidates = await sweepCandidates(h.store);
      const open = candidates.filter((record) => record.status !== 'resolved');
      const busy = candidates.filter((record) => record.outbox.some((e) => e.notBefore === undefined));
      const leases = await Promise.all(open.map((record) => h.store.alerts.loadAlert(record.alertId)));
      return busy.length + leases.filter((loaded) => loaded.drain).length;
    },
    (pending): pending is number => pending === 0,
    { timeoutMs, intervalMs: 20 },
  );
  if (idle === undefined) throw new Error('outboxes did not drain in time');
}

/** The one root message in the channel whose title contains `title`. */
export function rootOf(h: Harness, title: string, channel = 'C0ALERTS'): StoredMessage {
  const root = h.slack.messages(channel).find((m) => m.text.includes(title));
  if (!root) throw new Error(`no root message for ${title}`);
  return root;
}

export function glueFailure(jobName: string, jobRunId: string, state = 'FAILED') {
  const base = fixture('eventbridge/glue-job-failed.json');
  return { ...base, detail: { ...base.detail, jobName, jobRunId, state } };
}

export function glueSucceeded(jobName: string, jobRunId: string) {
  const base = fixture('eventbridge/glue-job-succeeded.json');
  return { ...base, detail: { ...base.detail, jobName, jobRunId } };
}

export function macieFinding(id: string) {
  const base = fixture('eventbridge/macie-policy-bucket-public-read.json');
  return { ...base, detail: { ...base.detail, id } };
}

export function alarm(name: string, state: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA', changedAt = new Date()) {
  const base = fixture('cloudwatch/alarm-single-metric.json');
  return {
    ...base,
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`,
    NewStateValue: state,
    StateChangeTime: changedAt.toISOString().replace('Z', '+0000'),
  };
}

/** Sends an ALARM for `name` through SNS and returns the root message it posted. */
export async function fireAlarm(h: Harness, name: string, at = new Date()) {
  const fired = await h.postSns(h.signer.notification(testTopicArn, alarm(name, 'ALARM', at)));
  expect(fired.status).toBe(200);
  return rootOf(h, name);
}

/** fireAlarm, with the alert id the root's buttons carry. */
export async function fireAlarmWithId(h: Harness, name: string) {
  const root = await fireAlarm(h, name);
  return { root, alertId: String(findElement(root, 'klaxon_ack').value) };
}
