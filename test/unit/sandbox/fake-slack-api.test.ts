import { verifySlackRequest } from '@slack/bolt';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../../../src/sandbox/fake-slack-api.ts';
import {
  interactionBody,
  signSlackRequest,
  slashCommandBody,
} from '../../../src/sandbox/sign-slack-request.ts';

const CHANNEL = 'C0ALERTS01';
let slack: FakeSlackApi;

/** The refusals these tests provoke are the expected answers: nothing for WebClient to print. */
const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

function createClient(retries = 2, token: string | null = 'xoxb-test'): WebClient {
  return new WebClient(token ?? undefined, {
    slackApiUrl: slack.url,
    logger: silentLogger,
    timeout: 5_000,
    retryConfig: { retries, factor: 1, minTimeout: 10, maxTimeout: 20 },
  });
}

beforeAll(async () => {
  slack = await startFakeSlackApi({
    users: { U0ONCALL01: { name: 'oncall', real_name: 'On Call' } },
    usergroups: { S0SRE: ['U0ONCALL01', 'U0OTHER02'] },
    channels: { [CHANNEL]: { name: 'alerts' } },
  });
});
afterEach(() => slack.reset());
afterAll(() => slack.close());

describe('messages and threads', () => {
  it('keeps the current content of updated messages and their thread replies', async () => {
    const client = createClient();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*CPU high*' } }];
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'CPU high', blocks });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    await client.chat.update({ channel: CHANNEL, ts: posted.ts!, text: 'CPU high (acknowledged)', blocks });
    const reply = await client.chat.postMessage({
      channel: CHANNEL,
      text: 'ack by oncall',
      thread_ts: posted.ts!,
    });
    await client.chat.postMessage({
      channel: CHANNEL,
      text: 'resolved',
      thread_ts: posted.ts!,
      reply_broadcast: true,
    });

    expect(Number(reply.ts)).toBeGreaterThan(Number(posted.ts));
    const [parent, broadcast] = slack.messages(CHANNEL);
    expect(parent).toMatchObject({ ts: posted.ts, text: 'CPU high (acknowledged)', blocks, edited: {} });
    expect(parent?.replies.map((message) => message.text)).toEqual(['ack by oncall', 'resolved']);
    expect(broadcast).toMatchObject({ text: 'resolved', thread_ts: posted.ts, subtype: 'thread_broadcast' });
    expect(slack.callsTo('chat.postMessage')[0]?.params.blocks).toEqual(blocks);
  });

  it('answers chat.update for an unknown ts with message_not_found', async () => {
    const update = createClient().chat.update({ channel: CHANNEL, ts: '1.000001', text: 'x' });
    await expect(update).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'message_not_found' },
    });
  });

  it('rejects more than 50 blocks with invalid_blocks like Slack', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const post = createClient().chat.postMessage({ channel: CHANNEL, text: 'too many', blocks });
    await expect(post).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });

  it('accepts JSON bodies with a bearer token and rejects calls without a token', async () => {
    const response = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer xoxb-test' },
      body: JSON.stringify({ channel: CHANNEL, text: 'json' }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: CHANNEL });
    await expect(createClient(0, null).auth.test()).rejects.toMatchObject({
      data: { error: 'not_authed' },
    });
    await expect(createClient().apiCall('nope.nothing')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
  });
});

describe('failures on demand', () => {
  it('answers 429 with Retry-After, which WebClient waits out and retries', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const posted = await createClient().chat.postMessage({ channel: CHANNEL, text: 'after rate limit' });
    expect(posted.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slack.messages(CHANNEL)).toHaveLength(1);
  });

  it('surfaces a 500 as an HTTP error once retries run out', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, 2);
    const post = createClient(1).chat.postMessage({ channel: CHANNEL, text: 'boom' });
    await expect(post).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers a queued Slack error once, then behaves normally', async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const client = createClient();
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'a' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'b' })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('waitForCalls', () => {
  it('resolves when the expected calls arrive and rejects at the deadline', async () => {
    const waiting = slack.waitForCalls('auth.test', 1, 2_000);
    await createClient().auth.test();
    await expect(waiting).resolves.toHaveLength(1);
    await expect(slack.waitForCalls('auth.test', 2, 50)).rejects.toThrow(/expected 2 call\(s\) to auth.test/);
  });
});

describe('response_url', () => {
  it('records up to 5 posts, then answers 404 like Slack', async () => {
    const url = slack.createResponseUrl({ channel: CHANNEL, userId: 'U0ONCALL01' });
    const post = () =>
      fetch(url, { method: 'POST', body: JSON.stringify({ text: 'hi' }), headers: JSON_HEADERS });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    const id = url.split('/').at(-1)!;
    expect(slack.responses(id)).toHaveLength(5);
    expect(slack.ephemerals(CHANNEL)).toHaveLength(5);
  });

  it('replaces or deletes the source message and posts in_channel responses', async () => {
    const { ts } = await createClient().chat.postMessage({ channel: CHANNEL, text: 'original' });
    const url = slack.createResponseUrl({ channel: CHANNEL, messageTs: ts! });
    const post = (body: object) =>
      fetch(url, { method: 'POST', body: JSON.stringify(body), headers: JSON_HEADERS });
    await post({ replace_original: true, text: 'replaced' });
    expect(slack.messages(CHANNEL).map((message) => message.text)).toEqual(['replaced']);
    await post({ response_type: 'in_channel', text: 'for everyone' });
    await post({ delete_original: true });
    expect(slack.messages(CHANNEL).map((message) => message.text)).toEqual(['for everyone']);
    const id = url.split('/').at(-1)!;
    expect(slack.responses(id).map((response) => response.effect)).toEqual([
      'replaced',
      'in_channel',
      'deleted',
    ]);
  });
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('files.uploadV2', () => {
  it('runs the three-step upload and shares the file in the channel', async () => {
    const result = await createClient().files.uploadV2({
      channel_id: CHANNEL,
      content: 'timestamp,value\n1,2\n',
      filename: 'metrics.csv',
      initial_comment: 'metrics attached',
    });
    expect(result.ok).toBe(true);
    expect(slack.calls.map((call) => call.method)).toEqual([
      'files.getUploadURLExternal',
      'file-upload',
      'files.completeUploadExternal',
    ]);
    expect(slack.callsTo('file-upload')[0]?.params).toMatchObject({ bytes: 20 });
    const [message] = slack.messages(CHANNEL);
    expect(message).toMatchObject({ text: 'metrics attached', files: [{ name: 'metrics.csv', size: 20 }] });
  });
});

describe('workspace lookups', () => {
  it('answers auth.test, users.info, usergroups.users.list, conversations.info and views', async () => {
    const client = createClient();
    await expect(client.auth.test()).resolves.toMatchObject({
      user_id: 'U0KLAXONBOT',
      bot_id: 'B0KLAXONBOT',
    });
    const { user } = await client.users.info({ user: 'U0ONCALL01' });
    expect(user).toMatchObject({ name: 'oncall', real_name: 'On Call', profile: { real_name: 'On Call' } });
    await expect(client.usergroups.users.list({ usergroup: 'S0SRE' })).resolves.toMatchObject({
      users: ['U0ONCALL01', 'U0OTHER02'],
    });
    await expect(client.conversations.info({ channel: CHANNEL })).resolves.toMatchObject({
      channel: { id: CHANNEL, name: 'alerts' },
    });
    const home = await client.views.publish({ user_id: 'U0ONCALL01', view: { type: 'home', blocks: [] } });
    expect(home.view?.id).toMatch(/^V/);
  });
});

describe('signSlackRequest', () => {
  it('produces headers that Bolt verifySlackRequest accepts', () => {
    const body = slashCommandBody({ command: '/klaxon', text: 'ack 42' });
    const headers = signSlackRequest('shh', body);
    const verify = (signed: string) =>
      verifySlackRequest({
        signingSecret: 'shh',
        body: signed,
        headers: {
          'x-slack-signature': headers['X-Slack-Signature'],
          'x-slack-request-timestamp': Number(headers['X-Slack-Request-Timestamp']),
        },
      });
    expect(() => verify(body)).not.toThrow();
    expect(() => verify(`${body}&tampered=1`)).toThrow();
    expect(Object.fromEntries(new URLSearchParams(body))).toMatchObject({
      command: '/klaxon',
      text: 'ack 42',
    });
  });

  it('builds interaction bodies as payload=<url-encoded JSON>', () => {
    const payload = { type: 'block_actions', actions: [{ action_id: 'ack', value: 'a&b=c' }] };
    const body = interactionBody(payload);
    expect(body.startsWith('payload=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(body).get('payload')!)).toEqual(payload);
  });
});

describe('channel names', () => {
  it('answers #name with the channel id, like Slack, and refuses an unknown name', async () => {
    const named = await startFakeSlackApi({ channels: { C0NAMED: { name: 'alerts' } } });
    try {
      const client = new WebClient('xoxb-test', { slackApiUrl: named.url, retryConfig: { retries: 0 } });
      const posted = await client.chat.postMessage({ channel: '#alerts', text: 'hello' });
      expect(posted.channel).toBe('C0NAMED');
      expect(named.messages('C0NAMED')).toHaveLength(1);
      await expect(client.chat.postMessage({ channel: '#nowhere', text: 'x' })).rejects.toThrow(
        /channel_not_found/,
      );
    } finally {
      await named.close();
    }
  });
});
