import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../../../src/sandbox/fake-slack-api.ts';
import { persistFakeSlack } from '../../../src/sandbox/fake-slack-persistence.ts';

const dir = mkdtempSync(join(tmpdir(), 'fake-slack-persist-'));
const opened: FakeSlackApi[] = [];
afterAll(async () => {
  await Promise.all(opened.map((api) => api.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function open() {
  const api = await startFakeSlackApi();
  opened.push(api);
  const client = new WebClient('xoxb-test', { slackApiUrl: api.url, logLevel: LogLevel.ERROR });
  return { api, client };
}

describe('persistFakeSlack', () => {
  it('restores channels, threads and broadcast replies, and new ts values follow the old ones', async () => {
    // Prepare
    const path = join(dir, 'kept.json');
    const first = await open();
    const kept = persistFakeSlack(first.api, path);
    const root = await first.client.chat.postMessage({ channel: 'C1', text: 'root' });
    const reply = await first.client.chat.postMessage({
      channel: 'C1',
      text: 'broadcast',
      thread_ts: root.ts!,
      reply_broadcast: true,
    });
    kept.flush();

    // Act
    const second = await open();
    const restored = persistFakeSlack(second.api, path);
    await second.client.chat.update({ channel: 'C1', ts: reply.ts!, text: 'edited' });
    const next = await second.client.chat.postMessage({ channel: 'C1', text: 'after' });

    // Assess
    expect(restored.restored).toEqual({ channels: 1, messages: 2 });
    const [parent, broadcast] = second.api.messages('C1');
    expect(parent!.replies[0]).toBe(broadcast);
    expect(broadcast!.text).toBe('edited');
    expect(Number(next.ts)).toBeGreaterThan(Number(reply.ts));
    expect(second.api.channels()).toEqual(['C1']);
  });

  it('has a message in its file before the poster hears its answer (a kill -9 then loses nothing told)', async () => {
    const path = join(dir, 'at-once.json');
    const { api, client } = await open();
    persistFakeSlack(api, path);
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'root' });
    const updated = await client.chat.update({ channel: 'C1', ts: posted.ts!, text: 'edited' });
    expect(updated.ok).toBe(true);
    // No flush: what the answers told Klaxon is already in the file.
    expect(readFileSync(path, 'utf8')).toContain('"edited"');
  });

  it('starts empty on an unreadable file and keeps it aside', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ not json');
    const warnings: string[] = [];
    const { api } = await open();

    const kept = persistFakeSlack(api, path, { warn: (text) => warnings.push(text) });

    expect(kept.restored).toBeUndefined();
    expect(warnings[0]).toContain('starts empty');
    expect(readdirSync(dir)).toContain('broken.json.unreadable');
  });
});
