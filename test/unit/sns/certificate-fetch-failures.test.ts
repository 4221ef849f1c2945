import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnsSigner } from '../../../src/sandbox/sns-signer.ts';
import { createCachingCertificateFetcher } from '../../../src/sns/certificate-fetcher.ts';
import {
  CertificateRejectedError,
  CertificateUnavailableError,
  verifySnsMessage,
} from '../../../src/sns/verify-sns-message.ts';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const snsHost = 'https://sns.us-east-1.amazonaws.com';

/** A loopback stand-in for the SNS certificate host: the path's first segment says how to answer. */
let certHost: Server;
let certHostUrl: string;
const hits: string[] = [];
beforeAll(async () => {
  certHost = createServer((request, response) => {
    hits.push(request.url ?? '');
    const status = Number(/^\/(\d{3})-/.exec(request.url ?? '')?.[1] ?? 200);
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(request.url?.includes('html') ? '<html>not a certificate</html>' : pem);
  });
  await new Promise<void>((resolve) => certHost.listen(0, '127.0.0.1', resolve));
  certHostUrl = `http://127.0.0.1:${(certHost.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => certHost.close(resolve));
});

/** The production fetcher, with only the network underneath pointed at the loopback host. */
function fetcherAgainst(targetUrl: () => string) {
  let nowMs = 1_000_000;
  const fetchCertificate = createCachingCertificateFetcher({
    fetch: ((url: string, init?: RequestInit) =>
      fetch(url.replace(snsHost, targetUrl()), init)) as typeof fetch,
    now: () => nowMs,
  });
  return {
    fetchCertificate,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

const hitsFor = (path: string) => hits.filter((hit) => hit === path).length;

describe('certificate URLs that will never give a certificate', () => {
  it.each([
    ['403', '/403-SimpleNotificationService-a.pem'],
    ['404', '/404-SimpleNotificationService-b.pem'],
    ['a body that is not PEM', '/200-html-SimpleNotificationService-c.pem'],
  ])('are a final refusal for %s', async (_what, path) => {
    const { fetchCertificate } = fetcherAgainst(() => certHostUrl);
    await expect(fetchCertificate(`${snsHost}${path}`)).rejects.toBeInstanceOf(CertificateRejectedError);
  });

  it('make verification fail for good, not transiently', async () => {
    const signer = createSnsSigner();
    const message = signer.notification('arn:aws:sns:us-east-1:123456789012:alerts', 'x');
    const result = await verifySnsMessage(message, async () => {
      throw new CertificateRejectedError('certificate fetch answered 404');
    });
    expect(result).toMatchObject({ ok: false, reason: 'certificate-rejected', transient: false });
  });
});

describe('failed fetches are remembered per URL for a minute', () => {
  it.each([
    ['a 404', '/404-SimpleNotificationService-flood.pem', CertificateRejectedError],
    ['a 500', '/500-SimpleNotificationService-flood.pem', CertificateUnavailableError],
  ])('a flood naming a URL that answered %s makes one fetch per minute', async (_what, path, kind) => {
    // Prepare
    const { fetchCertificate, advance } = fetcherAgainst(() => certHostUrl);
    const url = `${snsHost}${path}`;

    // Act
    const flood = await Promise.allSettled(Array.from({ length: 20 }, () => fetchCertificate(url)));
    advance(30_000);
    await expect(fetchCertificate(url)).rejects.toBeInstanceOf(kind);
    const hitsWithinTheMinute = hitsFor(path);
    advance(31_000);
    await expect(fetchCertificate(url)).rejects.toBeInstanceOf(kind);

    // Assess
    expect(flood.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(hitsWithinTheMinute).toBe(1);
    expect(hitsFor(path)).toBe(2);
  });

  it('a network error is transient and remembered too', async () => {
    // Prepare: a port nobody listens on
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    let attempts = 0;
    const { fetchCertificate } = fetcherAgainst(() => {
      attempts++;
      return closedUrl;
    });
    const url = `${snsHost}/SimpleNotificationService-unreachable.pem`;

    // Act
    const first = fetchCertificate(url);
    await expect(first).rejects.toBeInstanceOf(CertificateUnavailableError);
    await expect(fetchCertificate(url)).rejects.toBeInstanceOf(CertificateUnavailableError);

    // Assess
    expect(attempts).toBe(1);
  });

  it('a good certificate is kept, and a URL that failed works again after the minute', async () => {
    let target = 'http://127.0.0.1:1';
    const { fetchCertificate, advance } = fetcherAgainst(() => target);
    const url = `${snsHost}/200-SimpleNotificationService-recovers.pem`;
    await expect(fetchCertificate(url)).rejects.toBeInstanceOf(CertificateUnavailableError);
    target = certHostUrl;
    advance(60_001);
    await expect(fetchCertificate(url)).resolves.toBe(pem);
    await expect(fetchCertificate(url)).resolves.toBe(pem);
    expect(hitsFor('/200-SimpleNotificationService-recovers.pem')).toBe(1);
  });
});
