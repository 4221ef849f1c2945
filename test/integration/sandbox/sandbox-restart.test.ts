import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type RunningKlaxon, startServer } from '../../../src/app/start-server.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'klaxon-sandbox-restart-'));
const tableName = `sandbox-restart-${randomUUID()}`;

async function startSandbox(): Promise<RunningKlaxon> {
  const settings = loadSettings({
    PORT: '0',
    KLAXON_DATA_DIR: dataDir,
    KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    KLAXON_TABLE_NAME: tableName,
  });
  return startServer(settings, parseConfig({}, 'test'), createSilentLogger(), () => undefined);
}

async function fire(url: string, sample: string) {
  const response = await fetch(`${url}/sandbox/api/fire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sample }),
  });
  return (await response.json()) as { status: number; body: { outcome?: string } };
}

async function messagesOf(url: string) {
  const state = (await (await fetch(`${url}/sandbox/api/state`)).json()) as {
    channels: Array<{ messages: Array<{ ts: string; text: string; replies: unknown[] }> }>;
  };
  return state.channels.flatMap((channel) => channel.messages);
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a restarted sandbox', () => {
  it('keeps the stand-in for Slack with the alerts: the old messages show and the next change lands', async () => {
    // Prepare: a first run fires an alarm, then stops as Ctrl-C does.
    const first = await startSandbox();
    expect((await fire(first.url, 'alarm')).status).toBe(200);
    const before = await messagesOf(first.url);
    expect(before).toHaveLength(1);
    await first.stop();
    expect(readFileSync(join(dataDir, 'fake-slack.json'), 'utf8')).toContain(before[0]!.ts);

    // Act: a second run on the same data directory resolves the alarm, which updates the old message.
    const second = await startSandbox();
    try {
      const resolved = await fire(second.url, 'alarm-ok');

      // Assess
      expect(resolved.status).toBe(200);
      expect(second.sandbox?.kept.restored).toEqual({ channels: 1, messages: 1 });
      const after = await messagesOf(second.url);
      expect(after.map((message) => message.ts)).toEqual([before[0]!.ts]);
      expect(after[0]!.replies.length).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});
