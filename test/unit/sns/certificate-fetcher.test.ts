import { describe, expect, it, vi } from 'vitest';
import { createCachingCertificateFetcher } from '../../../src/sns/certificate-fetcher.ts';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('createCachingCertificateFetcher', () => {
  it('downloads each certificate once, even for concurrent requests', async () => {
    const fetchMock = vi.fn(async () => new Response(pem));
    const fetchCertificate = createCachingCertificateFetcher({ fetch: fetchMock as unknown as typeof fetch });
    const results = await Promise.all(
      [1, 2, 3].map(() => fetchCertificate('https://sns.us-east-1.amazonaws.com/a.pem')),
    );
    await fetchCertificate('https://sns.us-east-1.amazonaws.com/a.pem');
    expect(results).toEqual([pem, pem, pem]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('forgets failures after a minute, so that a later message tries again', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('oops', { status: 500 }))
      .mockResolvedValue(new Response(pem));
    let nowMs = 0;
    const fetchCertificate = createCachingCertificateFetcher({
      fetch: fetchMock as unknown as typeof fetch,
      now: () => nowMs,
    });
    await expect(fetchCertificate('https://sns.us-east-1.amazonaws.com/b.pem')).rejects.toThrow(/500/);
    nowMs = 60_001;
    await expect(fetchCertificate('https://sns.us-east-1.amazonaws.com/b.pem')).resolves.toBe(pem);
  });

  it('refuses a body that is not a PEM certificate', async () => {
    const fetchCertificate = createCachingCertificateFetcher({
      fetch: (async () => new Response('<html>')) as unknown as typeof fetch,
    });
    await expect(fetchCertificate('https://sns.us-east-1.amazonaws.com/c.pem')).rejects.toThrow(/PEM/);
  });
});
