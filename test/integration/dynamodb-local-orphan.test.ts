import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../../src/store/dynamodb-local.ts';
import { findFreePort } from '../../src/util/free-port.ts';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';

/**
 * `kill -9` of Klaxon leaves its embedded DynamoDB Local running (nothing can stop a child on SIGKILL): the
 * next start on the same data directory must end it rather than run a second JVM on the same files.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'klaxon-orphan-'));
const started: RunningDynamoDbLocal[] = [];
afterAll(async () => {
  await Promise.all(started.map((local) => local.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const local = await startDynamoDbLocal({
    port: await findFreePort(),
    path: dataDir,
    readyTimeoutMs: 60_000,
  });
  started.push(local);
  return local;
}

describe('the embedded DynamoDB Local after a crash', () => {
  it('is ended by the next start on the same data directory', { timeout: 120_000 }, async () => {
    // Prepare: a first one that nobody stops, as after kill -9 of the process that started it.
    const orphan = await start();
    // Act
    const next = await start();
    // Assess
    const ended = await pollWithDeadline(
      async () => orphan.process.exitCode ?? orphan.process.signalCode,
      (code): code is number | NodeJS.Signals => code !== null,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(ended).toBeDefined();
    expect(next.process.exitCode).toBeNull();
    expect(await fetch(next.endpoint).then((r) => r.status)).toBe(400);
  });

  it('leaves alone a process the pid file names that is not DynamoDB Local on that directory', {
    timeout: 120_000,
  }, async () => {
    await Promise.all(started.splice(0).map((local) => local.stop()));
    writeFileSync(join(dataDir, 'dynamodb-local.pid'), String(process.pid));
    const local = await start();
    expect(local.process.exitCode).toBeNull();
    // This test's own process is still here to assert it.
    expect(() => process.kill(process.pid, 0)).not.toThrow();
  });
});
