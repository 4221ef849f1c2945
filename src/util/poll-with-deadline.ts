/**
 * Calls `read` until `done` accepts its value or the deadline passes (then resolves undefined). Used where
 * one process waits on another's durable write, and by tests instead of fixed sleeps.
 */
export async function pollWithDeadline<T, D extends T>(
  read: () => Promise<T>,
  done: (value: T) => value is D,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<D | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
