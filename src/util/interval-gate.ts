/** True on the first call, then at most once per `intervalMs`: periodic work the per-minute sweep does less often. */
export function createIntervalGate(options: { intervalMs: number; nowMs: () => number }): () => boolean {
  let last: number | undefined;
  return () => {
    const now = options.nowMs();
    if (last !== undefined && now - last < options.intervalMs) return false;
    last = now;
    return true;
  };
}
