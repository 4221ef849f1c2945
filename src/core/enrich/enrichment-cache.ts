/** What a cache reads time from (the one clock). */
interface NowSource {
  now(): number;
}

const maxEntries = 500;

/**
 * Results of lookups by key for `ttlMs`: a storm of alerts asking for the same graph within a minute makes
 * one call. The promise is kept, so lookups made while the first is still running wait for it.
 */
export function createEnrichmentCache(clock: NowSource, ttlMs: number) {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const forgetExpired = (now: number) => {
    for (const [key, entry] of entries) if (now - entry.at > ttlMs) entries.delete(key);
  };
  return {
    remember<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = clock.now();
      const hit = entries.get(key);
      if (hit && now - hit.at <= ttlMs) return hit.value as Promise<T>;
      if (entries.size >= maxEntries) forgetExpired(now);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const value = load();
      entries.set(key, { at: now, value });
      return value;
    },
  };
}
export type EnrichmentCache = ReturnType<typeof createEnrichmentCache>;
