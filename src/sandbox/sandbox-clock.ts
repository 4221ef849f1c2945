import { type Clock, systemClock } from '../aws/poll.ts';

/** The one clock of a sandbox run: real time plus however far the page has moved it forward. */
export interface SandboxClock extends Clock {
  /** Moves time forward for everything Klaxon reads it for: mutes, escalation, windows, signatures. */
  advance(ms: number): void;
  offsetMs(): number;
}

export function createSandboxClock(base: Clock = systemClock): SandboxClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    // Waits are real waits: moving the clock makes things due, and the sweep that follows runs them.
    sleep: (ms, signal) => base.sleep(ms, signal),
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('the sandbox clock only moves forward');
      offset += ms;
    },
    offsetMs: () => offset,
  };
}
