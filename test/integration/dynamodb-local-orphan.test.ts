import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../../src/store/dynamodb-local.ts';
import { DataDirectoryInUseError } from '../../src/store/orphaned-dynamodb-local.ts';
import { findFreePort } from '../../src/util/free-port.ts';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { isProcessAlive } from '../../src/util/process-alive.ts';

/**
 * `kill -9` of Klaxon leaves its embedded DynamoDB Local running (nothing can stop a child on SIGKILL): the
 * next start on the same data directory ends it rather than run a second JVM on the same files, and refuses
 * to start beside a Klaxon that is still running there.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'klaxon-orphan-'));
const started: RunningDynamoDbLocal[] = [];
const orphans: number[] = [];
afterAll(async () => {
  await Promise.all(started.map((local) => local.stop()));
  for (const pid of orphans) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
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

/** A Node process that starts DynamoDB Local on the directory, then is killed with SIGKILL. */
async function orphanDynamoDbLocal(): Promise<number> {
  const helper = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/dynamodb-local-until-killed.ts', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  helper.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const pid = await pollWithDeadline(
    async () => Number.parseInt(output, 10),
    (value): value is number => Number.isInteger(value),
    { timeoutMs: 60_000, intervalMs: 100 },
  );
  if (pid === undefined) throw new Error(`the helper printed no pid: ${output}`);
  orphans.push(pid);
  const exited = new Promise((resolve) => helper.once('exit', resolve));
  helper.kill('SIGKILL');
  await exited;
  return pid;
}

describe('the embedded DynamoDB Local after a crash', () => {
  it('is ended by the next start on the same data directory', { timeout: 180_000 }, async () => {
    // Prepare
    const orphan = await orphanDynamoDbLocal();
    expect(isProcessAlive(orphan)).toBe(true);
    // Act
    const next = await start();
    // Assess
    const ended = await pollWithDeadline(
      async () => !isProcessAlive(orphan),
      (gone): gone is true => gone,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(ended).toBe(true);
    expect(next.process.exitCode).toBeNull();
    expect(await fetch(next.endpoint).then((r) => r.status)).toBe(400);
  });

  it('refuses to start beside a Klaxon still running on that directory', { timeout: 120_000 }, async () => {
    // The one started above belongs to this (live) process.
    await expect(start()).rejects.toThrow(DataDirectoryInUseError);
    expect(started.every((local) => local.process.exitCode === null)).toBe(true);
  });

  it('leaves alone a process the pid file names that is not DynamoDB Local on it', {
    timeout: 120_000,
  }, async () => {
    await Promise.all(started.splice(0).map((local) => local.stop()));
    // The test runner's own parent: alive, and Node, not DynamoDB Local.
    writeFileSync(join(dataDir, 'dynamodb-local.pid'), String(process.ppid));
    const local = await start();
    expect(local.process.exitCode).toBeNull();
    expect(isProcessAlive(process.ppid)).toBe(true);
  });
});
