/**
 * Whether this sweep reads everything instead of the wake index: the first sweep of a process, then once an
 * interval (an hour). The index holds every alert written since it existed; the full pass is what finds
 * work on items an older Klaxon wrote, and what bounds the harm of any write that missed it.
 */
export function createFullSweepGate(options: { intervalMs: number; nowMs: () => number }): () => boolean {
  let lastFull: number | undefined;
  return () => {
    const now = options.nowMs();
    if (lastFull !== undefined && now - lastFull < options.intervalMs) return false;
    lastFull = now;
    return true;
  };
}
