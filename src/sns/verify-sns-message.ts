import { createPublicKey, createVerify, KeyObject } from 'node:crypto';
import { isSnsSigningCertUrl } from './signing-cert-url.ts';
import type { SnsMessage } from './sns-message.ts';

/**
 * Fetches the PEM certificate at an (already allow-listed) URL. Throws `CertificateRejectedError` when the
 * URL will never give a usable certificate; any other error counts as transient.
 */
export type CertificateFetcher = (url: string) => Promise<string>;

/** The certificate host answered, and the answer can never verify anything (403, 404, not a PEM). */
export class CertificateRejectedError extends Error {
  override name = 'CertificateRejectedError';
}

/** The certificate host could not be reached or failed (network error, time-out, 5xx): worth a retry. */
export class CertificateUnavailableError extends Error {
  override name = 'CertificateUnavailableError';
}

export const SnsVerificationFailures = {
  unsupportedSignatureVersion: 'unsupported-signature-version',
  untrustedCertificateUrl: 'untrusted-certificate-url',
  malformedSignature: 'malformed-signature',
  certificateRejected: 'certificate-rejected',
  certificateUnavailable: 'certificate-unavailable',
  badSignature: 'bad-signature',
} as const;
export type SnsVerificationFailure = (typeof SnsVerificationFailures)[keyof typeof SnsVerificationFailures];

export type SnsVerificationResult =
  | { ok: true }
  | { ok: false; reason: SnsVerificationFailure; detail: string; transient: boolean };

const algorithmBySignatureVersion: Record<string, string> = { '1': 'RSA-SHA1', '2': 'RSA-SHA256' };

const notificationKeys = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const confirmationKeys = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
] as const;

/** The string AWS signs: `key\nvalue\n` for each present key, in the documented order for the type. */
export function buildSnsStringToSign(message: SnsMessage): string {
  const keys = message.Type === 'Notification' ? notificationKeys : confirmationKeys;
  let result = '';
  for (const key of keys) {
    const value = message[key];
    if (value !== undefined) result += `${key}\n${value}\n`;
  }
  return result;
}

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
/** RSA signatures from 1024- to 8192-bit keys; anything else cannot be an SNS signature. */
const signatureBytes = { min: 128, max: 1024 } as const;

/**
 * Everything about the signature that can be judged without the certificate. It runs before any fetch, so a
 * stranger's request with a made-up certificate URL or signature never makes Klaxon go to the network.
 */
export function checkSnsSignatureFields(message: SnsMessage): SnsVerificationResult {
  if (!algorithmBySignatureVersion[message.SignatureVersion]) {
    return fail('unsupported-signature-version', `SignatureVersion ${message.SignatureVersion}`, false);
  }
  if (!isSnsSigningCertUrl(message.SigningCertURL)) {
    return fail('untrusted-certificate-url', 'SigningCertURL is not an https SNS .pem URL', false);
  }
  if (!isWellFormedSignature(message.Signature)) {
    return fail('malformed-signature', 'Signature is not base64 of an RSA signature', false);
  }
  return { ok: true };
}

function isWellFormedSignature(signature: string): boolean {
  if (signature.length % 4 !== 0 || !base64Pattern.test(signature)) return false;
  // The pattern allows `=` only at the end, so the last two characters say how much padding there is.
  const padding = signature.endsWith('==') ? 2 : signature.endsWith('=') ? 1 : 0;
  const bytes = (signature.length / 4) * 3 - padding;
  return bytes >= signatureBytes.min && bytes <= signatureBytes.max;
}

export async function verifySnsMessage(
  message: SnsMessage,
  fetchCertificate: CertificateFetcher,
): Promise<SnsVerificationResult> {
  const checked = checkSnsSignatureFields(message);
  if (!checked.ok) return checked;
  const algorithm = algorithmBySignatureVersion[message.SignatureVersion] as string;
  const key =
    knownKeys.get(fetchCertificate)?.get(message.SigningCertURL) ??
    (await fetchKey(message, fetchCertificate));
  if (!(key instanceof KeyObject)) return key;
  const verifier = createVerify(algorithm);
  verifier.update(buildSnsStringToSign(message), 'utf8');
  let valid = false;
  try {
    valid = verifier.verify(key, message.Signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : fail('bad-signature', 'signature does not match the message', false);
}

/**
 * Parsed keys by fetcher and certificate URL: parsing the PEM is most of verify's cost (~180 µs), and SNS
 * uses a handful of certificates. A notification whose certificate is known is verified without waiting on
 * the fetcher. Keyed by fetcher so each fetcher's answers stay its own; only successes are kept, failures
 * are the fetcher's to remember.
 */
const knownKeys = new WeakMap<CertificateFetcher, Map<string, KeyObject>>();
const knownKeysPerFetcher = 32;

async function fetchKey(
  message: SnsMessage,
  fetchCertificate: CertificateFetcher,
): Promise<KeyObject | Extract<SnsVerificationResult, { ok: false }>> {
  let certificate: string;
  try {
    certificate = await fetchCertificate(message.SigningCertURL);
  } catch (error) {
    if (error instanceof CertificateRejectedError) return fail('certificate-rejected', error.message, false);
    // Could not reach SNS for the certificate: say so as transient, so SNS retries rather than drops.
    return fail('certificate-unavailable', (error as Error).message, true);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(certificate);
  } catch {
    return fail('bad-signature', 'the signing certificate holds no usable public key', false);
  }
  let keys = knownKeys.get(fetchCertificate);
  if (!keys) {
    keys = new Map();
    knownKeys.set(fetchCertificate, keys);
  }
  if (keys.size >= knownKeysPerFetcher) keys.delete(keys.keys().next().value as string);
  keys.set(message.SigningCertURL, key);
  return key;
}

function fail(
  reason: SnsVerificationFailure,
  detail: string,
  transient: boolean,
): Extract<SnsVerificationResult, { ok: false }> {
  return { ok: false, reason, detail, transient };
}
