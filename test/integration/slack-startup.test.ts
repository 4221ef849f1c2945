import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createKlaxon, type Klaxon } from '../../src/app/create-klaxon.ts';
import { type RunningKlaxon, startServer } from '../../src/app/start-server.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadSettings } from '../../src/config/load-settings.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { signSlackRequest, slashCommandBody } from '../../src/sandbox/sign-slack-request.ts';
import { createSnsSigner } from '../../src/sandbox/sns-signer.ts';
import { type ScheduleRetry, SlackTokenRejectedError } from '../../src/slack/slack-identity.ts';
import { signingSecret, testAwsClients, testTopicArn } from '../helpers/klaxon-harness.ts';
import { openTestStore } from '../helpers/test-store.ts';

const config = parseConfig({ defaultChannel: 'C0ALERTS', sns: { allowedTopicArns: [testTopicArn] } }, 'test');
const alarm = {
  AlarmName: 'SlackDown',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:SlackDown',
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: '2026-11-25T10:00:00.000+0000',
  AWSAccountId: '123456789012',
};

/** Background retries that run when the test says so, instead of after a real delay. */
function manualRetries() {
  const pending: Array<() => void> = [];
  const schedule: ScheduleRetry = (run) => {
    pending.push(run);
    return { cancel: () => pending.splice(pending.indexOf(run), 1) };
  };
  return { schedule, runNext: () => pending.shift()?.() };
}

async function health(url: string) {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: await response.json() };
}

let slack: FakeSlackApi;
let klaxon: Klaxon | undefined;
let running: RunningKlaxon | undefined;
afterEach(async () => {
  await klaxon?.close();
  await running?.stop();
  await slack?.close();
  klaxon = undefined;
  running = undefined;
});

describe('starting while Slack is down', () => {
  it('keeps serving SNS, reports Slack unreachable, and becomes ok when Slack answers again', async () => {
    slack = await startFakeSlackApi();
    slack.failNext('auth.test', { status: 500 }, 50);
    const retries = manualRetries();
    const signer = createSnsSigner();
    klaxon = createKlaxon({
      config,
      logger: createSilentLogger(),
      store: await openTestStore(),
      slack: { token: 'xoxb-test', signingSecret, apiUrl: slack.url, scheduleRetry: retries.schedule },
      aws: testAwsClients(),
      fetchCertificate: signer.fetchCertificateWith(),
      confirmSubscription: async () => undefined,
    });
    await klaxon.slackIdentity.start();
    const url = await klaxon.listen(0);

    const sns = await fetch(`${url}/sns`, {
      method: 'POST',
      body: JSON.stringify(signer.notification(testTopicArn, alarm)),
    });
    expect(sns.status).toBe(200);
    expect(await health(url)).toEqual({
      status: 200,
      body: { status: 'degraded', store: 'ok', slack: 'unreachable' },
    });
    // Its workspace unknown, Klaxon cannot tell ours from another's: Slack is asked to try again.
    const command = slashCommandBody({ text: 'help' });
    const slackRequest = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...signSlackRequest(signingSecret, command),
      },
      body: command,
    });
    expect(slackRequest.status).toBe(503);

    slack.reset();
    retries.runNext();
    await klaxon.slackIdentity.settled();
    expect(await health(url)).toEqual({ status: 200, body: { status: 'ok', store: 'ok', slack: 'ok' } });
  });

  it('the server start path resolves with Slack answering 500', async () => {
    slack = await startFakeSlackApi();
    slack.failNext('auth.test', { status: 500 }, 50);
    running = await startServer(settingsFor(slack), config, createSilentLogger(), () => undefined);
    expect((await health(running.url)).body).toMatchObject({ status: 'degraded', slack: 'unreachable' });
  });

  it('refuses to start when Slack rejects the token', async () => {
    slack = await startFakeSlackApi();
    slack.failNext('auth.test', { error: 'invalid_auth' });
    const started = startServer(settingsFor(slack), config, createSilentLogger(), () => undefined);
    await expect(started).rejects.toBeInstanceOf(SlackTokenRejectedError);
    await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });
});

function settingsFor(fake: FakeSlackApi) {
  return loadSettings({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.url,
    KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    KLAXON_TABLE_NAME: `klaxon-test-${randomUUID().slice(0, 8)}`,
    PORT: '0',
    KLAXON_HOST: '127.0.0.1',
  });
}
