import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createSnsSigner } from '../../../src/sandbox/sns-signer.ts';
import { isSnsSigningCertUrl } from '../../../src/sns/signing-cert-url.ts';
import { parseSnsMessage } from '../../../src/sns/sns-message.ts';
import { buildSnsStringToSign, verifySnsMessage } from '../../../src/sns/verify-sns-message.ts';

const signer = createSnsSigner();
const topicArn = 'arn:aws:sns:us-east-1:123456789012:alerts';

describe('buildSnsStringToSign', () => {
  it('signs a Notification in the documented key order, Subject only when present', () => {
    const { message } = parseSnsMessage(readFileSync('test/fixtures/sns/notification.json', 'utf8')) as {
      ok: true;
      message: never;
    };
    expect(buildSnsStringToSign(message)).toBe(
      'Message\nHello world!\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubject\nMy First Message\n' +
        'Timestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n',
    );
  });

  it('signs a SubscriptionConfirmation with SubscribeURL and Token', () => {
    const parsed = parseSnsMessage(readFileSync('test/fixtures/sns/subscription-confirmation.json', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.detail);
    const signed = buildSnsStringToSign(parsed.message);
    const m = parsed.message;
    expect(signed).toBe(
      `Message\n${m.Message}\nMessageId\n${m.MessageId}\nSubscribeURL\n${m.SubscribeURL}\n` +
        `Timestamp\n${m.Timestamp}\nToken\n${m.Token}\nTopicArn\n${m.TopicArn}\nType\nSubscriptionConfirmation\n`,
    );
  });
});

describe('verifySnsMessage', () => {
  const fetchCertificate = signer.fetchCertificateWith();

  it.each(['1', '2'])('accepts SignatureVersion %s signed with the right key', async (version) => {
    const message = signer.notification(topicArn, { hello: 'world' }, { signatureVersion: version });
    expect(await verifySnsMessage(message, fetchCertificate)).toEqual({ ok: true });
  });

  it('refuses a tampered message', async () => {
    const message = { ...signer.notification(topicArn, 'original'), Message: 'tampered' };
    expect(await verifySnsMessage(message, fetchCertificate)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a message signed with another key (forged)', async () => {
    const forger = createSnsSigner();
    const forged = forger.notification(topicArn, 'forged');
    expect(await verifySnsMessage(forged, fetchCertificate)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses an unknown SignatureVersion without fetching anything', async () => {
    const fetcher = vi.fn(fetchCertificate);
    const message = { ...signer.notification(topicArn, 'x'), SignatureVersion: '3' };
    expect(await verifySnsMessage(message, fetcher)).toMatchObject({
      ok: false,
      reason: 'unsupported-signature-version',
    });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it.each([
    'http://sns.us-east-1.amazonaws.com/cert.pem',
    'https://sns.us-east-1.amazonaws.com.evil.example/cert.pem',
    'https://evil.example/sns.us-east-1.amazonaws.com/cert.pem',
    'https://sns.us-east-1.amazonaws.com/cert.txt',
    'https://sns.us-east-1.amazonaws.com:8443/cert.pem',
    'https://user@sns.us-east-1.amazonaws.com/cert.pem',
    'not a url',
  ])('refuses certificate URL %s before fetching it', async (url) => {
    const fetcher = vi.fn(fetchCertificate);
    const message = { ...signer.notification(topicArn, 'x'), SigningCertURL: url };
    expect(await verifySnsMessage(message, fetcher)).toMatchObject({
      ok: false,
      reason: 'untrusted-certificate-url',
    });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('accepts the China partition host and the Lambda spelling of the URL field', () => {
    expect(
      isSnsSigningCertUrl('https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem'),
    ).toBe(true);
    const lambdaForm = { ...signer.notification(topicArn, 'x'), SigningCertUrl: signer.certificateUrl };
    const { SigningCertURL: _omitted, ...withoutHttpsSpelling } = lambdaForm;
    const parsed = parseSnsMessage(JSON.stringify(withoutHttpsSpelling));
    expect(parsed.ok && parsed.message.SigningCertURL).toBe(signer.certificateUrl);
  });

  it('asks its fetcher for a certificate once and then uses the parsed key', async () => {
    const fetcher = vi.fn(signer.fetchCertificateWith());
    for (const text of ['first', 'second', 'third']) {
      expect(await verifySnsMessage(signer.notification(topicArn, text), fetcher)).toEqual({ ok: true });
    }
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('keeps known keys per fetcher, so another fetcher is asked for its own certificate', async () => {
    const message = signer.notification(topicArn, 'x');
    expect(await verifySnsMessage(message, signer.fetchCertificateWith())).toEqual({ ok: true });
    // Another signer answers the same URL with its own key: a key known to the first fetcher must not be used.
    const impostor = vi.fn(createSnsSigner().fetchCertificateWith());
    expect(await verifySnsMessage(message, impostor)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(impostor).toHaveBeenCalledTimes(1);
  });

  it("asks again after a failed fetch: remembering failures is the fetcher's job", async () => {
    const message = signer.notification(topicArn, 'x');
    let calls = 0;
    const flaky = async (url: string) => {
      calls += 1;
      if (calls === 1) throw new Error('connect ETIMEDOUT');
      return signer.fetchCertificateWith()(url);
    };
    expect(await verifySnsMessage(message, flaky)).toMatchObject({ reason: 'certificate-unavailable' });
    expect(await verifySnsMessage(message, flaky)).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('calls a certificate it cannot download a transient failure', async () => {
    const message = signer.notification(topicArn, 'x');
    const result = await verifySnsMessage(message, async () => {
      throw new Error('connect ETIMEDOUT');
    });
    expect(result).toMatchObject({ ok: false, reason: 'certificate-unavailable', transient: true });
  });
});

describe('parseSnsMessage', () => {
  it('recognises raw message delivery and says how to fix it', () => {
    const parsed = parseSnsMessage(JSON.stringify({ AlarmName: 'x', NewStateValue: 'ALARM' }));
    expect(parsed).toMatchObject({ ok: false, reason: 'raw-delivery' });
    expect(!parsed.ok && parsed.detail).toMatch(/RawMessageDelivery/);
  });

  it('names the missing field of a malformed envelope', () => {
    const { Signature: _s, ...unsigned } = signer.notification(topicArn, 'x');
    expect(parseSnsMessage(JSON.stringify(unsigned))).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
      detail: /Signature/,
    });
  });
});
