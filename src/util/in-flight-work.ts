/** Work still running in this process, kept so that a graceful shutdown can wait for it to end. */
export function createInFlightWork() {
  const running = new Set<Promise<unknown>>();
  return {
    /** Returns `work` itself; it is kept until it settles, whichever way. */
    track<T>(work: Promise<T>): Promise<T> {
      running.add(work);
      const forget = () => running.delete(work);
      work.then(forget, forget);
      return work;
    },
    count: () => running.size,
    /** True once everything running now has settled; false if something still runs after `timeoutMs`. */
    settled: (timeoutMs: number) => settlesWithin([...running], timeoutMs),
  };
}
export type InFlightWork = ReturnType<typeof createInFlightWork>;

async function settlesWithin(promises: Promise<unknown>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const settled = Promise.allSettled(promises).then(() => true as const);
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
