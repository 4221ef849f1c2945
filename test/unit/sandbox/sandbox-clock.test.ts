import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPersistentSandboxClock } from '../../../src/sandbox/sandbox-clock.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';

const dirs: string[] = [];
function clockFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-clock-'));
  dirs.push(dir);
  return join(dir, 'sandbox-clock.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the sandbox clock across a restart', () => {
  it('starts where the last run left it', () => {
    const path = clockFile();
    const base = createFakeClock(Date.parse('2026-03-07T12:00:00Z'));
    const first = createPersistentSandboxClock(path, base);
    first.advance(5 * 60_000);
    first.advance(60 * 60_000);

    const restarted = createPersistentSandboxClock(path, base);
    expect(restarted.offsetMs()).toBe(65 * 60_000);
    expect(new Date(restarted.now()).toISOString()).toBe('2026-03-07T13:05:00.000Z');
  });

  it('starts at real time without a file, or with one it cannot read (and then writes a good one)', () => {
    const path = clockFile();
    const base = createFakeClock(Date.parse('2026-03-07T12:00:00Z'));
    expect(createPersistentSandboxClock(path, base).offsetMs()).toBe(0);
    writeFileSync(path, '{"offsetMs":-5}');
    const clock = createPersistentSandboxClock(path, base);
    expect(clock.offsetMs()).toBe(0);
    clock.advance(60_000);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ offsetMs: 60_000 });
  });
});
