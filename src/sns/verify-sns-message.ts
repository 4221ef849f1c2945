import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { isSnsSigningCertUrl } from './signing-cert-url.ts';
import type { SnsMessage } from './sns-message.ts';

/** Fetches the PEM certificate at an (already allow-listed) URL. */
export type CertificateFetcher = (url: string) => Promise<string>;

export const SnsVerificationFailures = {
  unsupportedSignatureVersion: 'unsupported-signature-version',
  untrustedCertificateUrl: 'untrusted-certificate-url',
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

export async function verifySnsMessage(
  message: SnsMessage,
  fetchCertificate: CertificateFetcher,
): Promise<SnsVerificationResult> {
  const algorithm = algorithmBySignatureVersion[message.SignatureVersion];
  if (!algorithm) {
    return fail('unsupported-signature-version', `SignatureVersion ${message.SignatureVersion}`, false);
  }
  if (!isSnsSigningCertUrl(message.SigningCertURL)) {
    return fail('untrusted-certificate-url', 'SigningCertURL is not an https SNS .pem URL', false);
  }
  let certificate: string;
  try {
    certificate = await fetchCertificate(message.SigningCertURL);
  } catch (error) {
    // Could not reach SNS for the certificate: say so as transient, so SNS retries rather than drops.
    return fail('certificate-unavailable', (error as Error).message, true);
  }
  const verifier = createVerify(algorithm);
  verifier.update(buildSnsStringToSign(message), 'utf8');
  let valid = false;
  try {
    valid = verifier.verify(publicKeyOf(certificate), message.Signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : fail('bad-signature', 'signature does not match the message', false);
}

function fail(reason: SnsVerificationFailure, detail: string, transient: boolean): SnsVerificationResult {
  return { ok: false, reason, detail, transient };
}

const parsedKeys = new Map<string, KeyObject>();

/** Parsing the PEM is most of verify's cost (~180 µs); SNS uses a handful of certificates, so keep them. */
function publicKeyOf(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (parsedKeys.size >= 32) parsedKeys.delete(parsedKeys.keys().next().value as string);
    parsedKeys.set(pem, key);
  }
  return key;
}
