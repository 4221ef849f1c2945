import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type RunningKlaxon, startServer } from '../../../src/app/start-server.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';

export type Json = Record<string, unknown>;

/** A message as the sandbox page's state shows it. */
export interface SandboxMessage {
  ts: string;
  text: string;
  blocks?: Json[];
  files?: Json[];
  replies: SandboxMessage[];
}

export interface SandboxEphemeral {
  channel: string;
  message_ts: string;
  text: string;
  blocks?: Json[];
}

export interface SandboxState {
  channels: Array<{ id: string; messages: SandboxMessage[] }>;
  ephemerals: SandboxEphemeral[];
  clock: { now: string; offsetMs: number };
}

/**
 * A sandbox as `npm start` runs it with no Slack token (its own data directory, the test's DynamoDB Local),
 * started once for the file, and the page's two ways of talking to it.
 */
export function useSandboxServer(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `klaxon-${name}-`));
  let running: RunningKlaxon | undefined;
  beforeAll(async () => {
    const settings = loadSettings({
      PORT: '0',
      KLAXON_DATA_DIR: dataDir,
      KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      KLAXON_TABLE_NAME: `${name}-${randomUUID()}`,
    });
    running = await startServer(settings, parseConfig({}, 'test'), createSilentLogger(), () => undefined);
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = () => {
    if (!running) throw new Error('the sandbox is not started yet');
    return running.url;
  };
  return {
    /** A POST to the page's API (`fire`, `clock`, `command`, `action`, …). */
    async call(path: string, body: unknown): Promise<{ status: number; body: Json }> {
      const response = await fetch(`${url()}/sandbox/api/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Json };
    },
    async state(): Promise<SandboxState> {
      return (await (await fetch(`${url()}/sandbox/api/state`)).json()) as SandboxState;
    },
  };
}
