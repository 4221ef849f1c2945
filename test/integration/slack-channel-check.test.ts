import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type RunningKlaxon, startServer } from '../../src/app/start-server.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadSettings } from '../../src/config/load-settings.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { ChannelCheckError } from '../../src/slack/check-channels.ts';

let slack: FakeSlackApi | undefined;
let running: RunningKlaxon | undefined;
afterEach(async () => {
  await running?.stop();
  await slack?.close();
  running = undefined;
  slack = undefined;
});

function settings(fake?: FakeSlackApi) {
  return loadSettings({
    ...(fake
      ? { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.url }
      : { KLAXON_DATA_DIR: mkdtempSync(join(tmpdir(), 'klaxon-channel-check-')) }),
    KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    KLAXON_TABLE_NAME: `channel-check-${randomUUID().slice(0, 8)}`,
    PORT: '0',
  });
}

const start = (config: Record<string, unknown>, fake?: FakeSlackApi) =>
  startServer(settings(fake), parseConfig(config, 'test'), createSilentLogger(), () => undefined);

describe('configured channels are checked at start-up', () => {
  it('refuses to start when the bot is not in a private channel a route names', async () => {
    slack = await startFakeSlackApi({
      channels: { C0SECOPS: { name: 'secops', is_private: true, is_member: false } },
    });
    const started = start({ defaultChannel: 'C0ALERTS', routes: [{ channel: 'C0SECOPS' }] }, slack);
    await expect(started).rejects.toBeInstanceOf(ChannelCheckError);
    await expect(started).rejects.toThrow(
      'routes.0.channel: the bot is not in the private channel #secops (C0SECOPS): run /invite @klaxon in it.',
    );
  });

  it('refuses to start when a channel id is not found', async () => {
    slack = await startFakeSlackApi();
    slack.failNext('conversations.info', { error: 'channel_not_found' });
    await expect(start({ defaultChannel: 'C0TYPO' }, slack)).rejects.toThrow(
      /defaultChannel: channel C0TYPO was not found\. Check the id; if the channel is private, invite the bot first/,
    );
  });

  it('starts when every channel can be posted to, asking Slack once per id', async () => {
    slack = await startFakeSlackApi({ channels: { C0ALERTS: { name: 'alerts' } } });
    running = await start(
      { defaultChannel: 'C0ALERTS', routes: [{ channel: 'C0ALERTS' }, { channel: '#ops' }] },
      slack,
    );
    expect(slack.callsTo('conversations.info').map((call) => call.params.channel)).toEqual(['C0ALERTS']);
  });

  it('passes with the local stand-in for Slack', async () => {
    running = await start({ defaultChannel: 'C0ALERTS' });
    expect(running.sandbox).toBeDefined();
  });
});
