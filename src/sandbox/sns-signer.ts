import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { SnsMessage } from '../sns/sns-message.ts';
import { buildSnsStringToSign, type CertificateFetcher } from '../sns/verify-sns-message.ts';

/**
 * Signs SNS messages with a key made at start-up, exactly as SNS signs them. Klaxon trusts this key only
 * where it is wired in explicitly: the local sandbox (no Slack token) and the tests. Its certificate URL
 * has the shape of a real SNS URL so that the same URL checks run.
 */
export function createSnsSigner(options: { region?: string } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const region = options.region ?? 'us-east-1';
  const certificateUrl = `https://sns.${region}.amazonaws.com/SimpleNotificationService-klaxon-local.pem`;
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  function sign(
    message: Omit<SnsMessage, 'Signature' | 'SigningCertURL' | 'SignatureVersion'> & {
      SignatureVersion?: string;
    },
  ) {
    const signatureVersion = message.SignatureVersion ?? '2';
    const unsigned = {
      ...message,
      SignatureVersion: signatureVersion,
      SigningCertURL: certificateUrl,
      Signature: '',
    } as SnsMessage;
    const signer = createSign(signatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    signer.update(buildSnsStringToSign(unsigned), 'utf8');
    return { ...unsigned, Signature: signer.sign(privateKey, 'base64') };
  }

  return {
    certificateUrl,
    /** Answers this signer's certificate URL; every other URL goes to `fallback` (or fails). */
    fetchCertificateWith(fallback?: CertificateFetcher): CertificateFetcher {
      return async (url) => {
        if (url === certificateUrl) return publicKeyPem;
        if (fallback) return fallback(url);
        throw new Error(`no certificate for ${url}`);
      };
    },
    sign,
    /** A signed Notification carrying `message` (a string, or an object sent as JSON like AWS does). */
    notification(
      topicArn: string,
      message: unknown,
      extra: { subject?: string; messageId?: string; timestamp?: string; signatureVersion?: string } = {},
    ) {
      return sign({
        Type: 'Notification',
        MessageId: extra.messageId ?? randomUUID(),
        TopicArn: topicArn,
        ...(extra.subject ? { Subject: extra.subject } : {}),
        Message: typeof message === 'string' ? message : JSON.stringify(message),
        Timestamp: extra.timestamp ?? new Date().toISOString(),
        ...(extra.signatureVersion ? { SignatureVersion: extra.signatureVersion } : {}),
        UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:klaxon`,
      } as SnsMessage);
    },
  };
}
export type SnsSigner = ReturnType<typeof createSnsSigner>;
