import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningKlaxon, startServer } from '../../src/app/start-server.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadSettings } from '../../src/config/load-settings.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';

/** With a Slack token (a real workspace) the sandbox page and its endpoints do not exist at all. */
describe('sandbox routes with a Slack token', () => {
  let slack: FakeSlackApi;
  let running: RunningKlaxon;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    const settings = loadSettings({
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-real-workspace',
      SLACK_SIGNING_SECRET: 'real-signing-secret',
      SLACK_API_URL: slack.url,
      KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      KLAXON_TABLE_NAME: `sandbox-off-${randomUUID()}`,
    });
    running = await startServer(settings, parseConfig({}, 'test'), createSilentLogger(), () => undefined);
  });

  afterAll(async () => {
    await running?.stop();
    await slack?.close();
  });

  it('serves no sandbox page and accepts no sandbox request', async () => {
    expect(running.sandbox).toBeUndefined();
    for (const path of ['/sandbox', '/sandbox/app.js', '/sandbox/events', '/sandbox/api/state']) {
      expect((await fetch(`${running.url}${path}`)).status, path).toBe(404);
    }
    const fire = await fetch(`${running.url}/sandbox/api/fire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sample: 'alarm' }),
    });
    expect(fire.status).toBe(404);
  });
});
