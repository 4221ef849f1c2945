import * as z from 'zod';
import { type Clock, systemClock } from '../aws/poll.ts';
import { readJsonOrUndefined, writeAtomically } from '../util/json-file.ts';
import { lazy } from '../util/lazy.ts';

/** The one clock of a sandbox run: real time plus however far the page has moved it forward. */
export interface SandboxClock extends Clock {
  /** Moves time forward for everything Klaxon reads it for: mutes, escalation, windows, signatures. */
  advance(ms: number): void;
  offsetMs(): number;
}

/**
 * `offsetMs`: where an earlier run left the clock; `onAdvance` is told each new offset (to keep it for the
 * next run: a restarted sandbox whose clock went back would show its alerts fired in the future).
 */
export function createSandboxClock(
  base: Clock = systemClock,
  options: { offsetMs?: number; onAdvance?: (offsetMs: number) => void } = {},
): SandboxClock {
  let offset = options.offsetMs ?? 0;
  return {
    now: () => base.now() + offset,
    // Waits are real waits: moving the clock makes things due, and the sweep that follows runs them.
    sleep: (ms, signal) => base.sleep(ms, signal),
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('the sandbox clock only moves forward');
      offset += ms;
      options.onAdvance?.(offset);
    },
    offsetMs: () => offset,
  };
}

const savedClockSchema = lazy(() => z.object({ offsetMs: z.number().int().min(0) }));

/**
 * The sandbox clock kept in a file next to the sandbox's alerts: read at start (0 when missing or unreadable),
 * written each time the page moves it.
 */
export function createPersistentSandboxClock(path: string, base: Clock = systemClock): SandboxClock {
  const saved = savedClockSchema().safeParse(readJsonOrUndefined(path));
  return createSandboxClock(base, {
    offsetMs: saved.success ? saved.data.offsetMs : 0,
    onAdvance: (offsetMs) => writeAtomically(path, JSON.stringify({ offsetMs })),
  });
}
