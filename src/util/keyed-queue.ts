/**
 * Runs work one at a time per key, in arrival order, and different keys side by side. Keys with nothing
 * queued are forgotten, so the map holds only keys with work in flight.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work, work);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    size: () => tails.size,
  };
}
export type KeyedQueue = ReturnType<typeof createKeyedQueue>;
