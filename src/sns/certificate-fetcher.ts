import type { CertificateFetcher } from './verify-sns-message.ts';

const pemPattern = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

/**
 * Fetches SNS signing certificates over HTTPS and keeps them by URL: SNS rotates them rarely, and a storm
 * of notifications must not become a storm of certificate downloads. Concurrent misses share one fetch.
 */
export function createCachingCertificateFetcher(options: {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxEntries?: number;
}): CertificateFetcher {
  const fetchImpl = options.fetch ?? fetch;
  const cache = new Map<string, Promise<string>>();
  const maxEntries = options.maxEntries ?? 50;
  return (url) => {
    const cached = cache.get(url);
    if (cached) return cached;
    const pending = downloadCertificate(fetchImpl, url, options.timeoutMs ?? 5000);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
    return pending;
  };
}

async function downloadCertificate(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<string> {
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  if (!response.ok) throw new Error(`certificate fetch answered ${response.status}`);
  const pem = await response.text();
  if (!pemPattern.test(pem)) throw new Error('certificate URL did not return a PEM certificate');
  return pem;
}
