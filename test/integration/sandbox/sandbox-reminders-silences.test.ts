import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningKlaxon, startServer } from '../../../src/app/start-server.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';

type Json = Record<string, unknown>;
interface Message {
  ts: string;
  text: string;
  blocks?: Json[];
  replies: Message[];
}
interface Ephemeral {
  channel: string;
  message_ts: string;
  text: string;
  blocks?: Json[];
}
interface State {
  channels: Array<{ id: string; messages: Message[] }>;
  ephemerals: Ephemeral[];
}

const dataDir = mkdtempSync(join(tmpdir(), 'klaxon-sandbox-reminders-'));
let running: RunningKlaxon;

beforeAll(async () => {
  const settings = loadSettings({
    PORT: '0',
    KLAXON_DATA_DIR: dataDir,
    KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    KLAXON_TABLE_NAME: `sandbox-reminders-${randomUUID()}`,
  });
  running = await startServer(settings, parseConfig({}, 'test'), createSilentLogger(), () => undefined);
});
afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${running.url}/sandbox/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const state = async () => (await (await fetch(`${running.url}/sandbox/api/state`)).json()) as State;
const roots = async () => (await state()).channels.flatMap((channel) => channel.messages);
const eventually = <T>(read: () => Promise<T | undefined>) =>
  pollWithDeadline(read, (value): value is T => value !== undefined, { timeoutMs: 10_000 });

describe('the sandbox shows reminders and silences', () => {
  it('reminds about an unacknowledged alarm when the clock moves five minutes', async () => {
    expect((await call('fire', { sample: 'alarm' })).status).toBe(200);
    await eventually(async () => (await roots()).find((m) => m.text.includes('EC2-CPU')));

    expect((await call('clock', { advanceMinutes: 5 })).status).toBe(200);

    const reminder = await eventually(async () => {
      const root = (await roots()).find((m) => m.text.includes('EC2-CPU'));
      return root?.replies.find((reply) => reply.text.includes('Not acknowledged after 5 min'));
    });
    expect(reminder?.text).toContain('<!here>');
    expect(reminder?.text).toContain('(level 1 of 2)');
  });

  it('holds back a matching sample while a silence made by command lasts, and lists it with Expire', async () => {
    const silence = 'silence source=glue name=MyJob for=1h reason=sandbox demo';
    expect((await call('command', { channel: 'C0ALERTS', text: silence })).status).toBe(200);
    await eventually(async () =>
      (await roots()).find((m) => JSON.stringify(m).includes('MyJob') && /silence/i.test(m.text)),
    );

    const fired = await call('fire', { sample: 'glue-failed' });

    expect(fired.body).toMatchObject({ body: { outcome: 'silenced' } });
    expect((await roots()).filter((m) => m.text.includes('MyJob') && !/silence/i.test(m.text))).toEqual([]);

    const before = (await state()).ephemerals.length;
    await call('command', { channel: 'C0ALERTS', text: 'silences' });
    const list = await eventually(async () =>
      (await state()).ephemerals.slice(before).find((e) => JSON.stringify(e.blocks).includes('Expire')),
    );
    const blockIndex = list!.blocks!.findIndex((b) => JSON.stringify(b).includes('Expire'));
    const block = list!.blocks![blockIndex]!;
    const element = block.accessory ? 'accessory' : 0;
    const target = { kind: 'ephemeral', channel: list!.channel, messageTs: list!.message_ts };
    expect((await call('action', { target, blockIndex, element })).status).toBe(200);

    await eventually(async () =>
      (await roots()).find((m) => JSON.stringify(m).includes('MyJob') && /ended|expired/i.test(m.text)),
    );
    expect((await call('fire', { sample: 'glue-failed' })).body).toMatchObject({
      body: { outcome: 'new-alert' },
    });
  });
});
