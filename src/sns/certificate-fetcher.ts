import {
  type CertificateFetcher,
  CertificateRejectedError,
  CertificateUnavailableError,
} from './verify-sns-message.ts';

const pemPattern = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

/** Statuses that say "try later" rather than "this URL has no certificate". */
const transientStatuses = new Set([408, 429]);

interface CacheEntry {
  pending: Promise<string>;
  /** Set once the fetch failed: until then the failure is answered from memory. */
  failedUntilMs?: number;
}

/**
 * Fetches SNS signing certificates over HTTPS and keeps them by URL: SNS rotates them rarely, and a storm
 * of notifications must not become a storm of certificate downloads. Concurrent misses share one fetch,
 * and a failed fetch is remembered for `failureTtlMs`, so a flood naming a bad URL fetches once a minute.
 */
export function createCachingCertificateFetcher(options: {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxEntries?: number;
  failureTtlMs?: number;
  now?: () => number;
}): CertificateFetcher {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 50;
  const cache = new Map<string, CacheEntry>();
  return (url) => {
    const cached = cache.get(url);
    if (cached && (cached.failedUntilMs === undefined || cached.failedUntilMs > now())) return cached.pending;
    cache.delete(url);
    const entry: CacheEntry = { pending: downloadCertificate(fetchImpl, url, options.timeoutMs ?? 5000) };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(url, entry);
    entry.pending.catch(() => {
      entry.failedUntilMs = now() + failureTtlMs;
    });
    return entry.pending;
  };
}

async function downloadCertificate(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    throw new CertificateUnavailableError(`certificate fetch failed: ${describeCause(error)}`);
  }
  if (response.status >= 500 || transientStatuses.has(response.status)) {
    throw new CertificateUnavailableError(`certificate fetch answered ${response.status}`);
  }
  if (!response.ok) throw new CertificateRejectedError(`certificate fetch answered ${response.status}`);
  const pem = await response.text();
  if (!pemPattern.test(pem))
    throw new CertificateRejectedError('certificate URL did not return a PEM certificate');
  return pem;
}

/** undici says only "fetch failed"; the reason (ECONNREFUSED, a time-out) is in `cause`. */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
