import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { isProcessAlive } from '../../../src/util/process-alive.ts';

/** Pids of java processes whose command line names `text` (DynamoDB Local is started with -dbPath <dir>). */
function javaPidsMentioning(text: string): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .filter((line) => line.includes('java') && line.includes(text))
    .map((line) => Number.parseInt(line.trim(), 10));
}

describe('klaxon start on a busy port', () => {
  let dataDir: string;
  let blocker: Server;
  let port: number;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klaxon-busy-port-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    for (const pid of javaPidsMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the port, suggests PORT, exits non-zero and leaves no DynamoDB Local behind', async () => {
    let stdout = '';
    let stderr = '';
    let exitCode: number | null | undefined;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        KLAXON_DATA_DIR: dataDir,
        KLAXON_LOG_FORMAT: 'json',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => {
      exitCode = code;
    });

    const javaPid = await pollWithDeadline(
      async () => readDynamoDbLocalPid(stdout),
      (pid): pid is number => pid !== undefined || exitCode !== undefined,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const exited = await pollWithDeadline(
      async () => exitCode,
      (code): code is number | null => code !== undefined,
      { timeoutMs: 30_000, intervalMs: 100 },
    );

    expect(exited, `still running; stderr:\n${stderr}`).not.toBeUndefined();
    expect(exited).not.toBe(0);
    expect(stderr).toContain(`port ${port}`);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(javaPid, 'the log names the DynamoDB Local pid').toEqual(expect.any(Number));
    const gone = await pollWithDeadline(
      async () => !isProcessAlive(javaPid as number) && javaPidsMentioning(dataDir).length === 0,
      (done): done is true => done,
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(gone, 'DynamoDB Local of this run is stopped').toBe(true);
  }, 120_000);
});

function readDynamoDbLocalPid(stdout: string): number | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; pid?: number; dynamoDbLocalPid?: number };
    if (entry.msg === 'started embedded DynamoDB Local') return entry.dynamoDbLocalPid;
  }
  return undefined;
}
