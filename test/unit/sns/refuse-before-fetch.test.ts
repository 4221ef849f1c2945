import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { handleSnsDelivery } from '../../../src/core/notifications/handle-sns-delivery.ts';
import type { SnsContext } from '../../../src/core/notifications/sns-context.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { createSnsSigner } from '../../../src/sandbox/sns-signer.ts';

const allowedTopic = 'arn:aws:sns:us-east-1:123456789012:alerts';
const foreignTopic = 'arn:aws:sns:us-east-1:999999999999:elsewhere';
const now = new Date('2026-03-01T12:00:00.000Z');
const signer = createSnsSigner();

/** Only what the checks before the fetch may touch; anything else throws, so a test sees it. */
function contextWithCountingFetcher() {
  const fetched: string[] = [];
  const confirmed: string[] = [];
  const untouchable = new Proxy(
    {},
    {
      get: () => {
        throw new Error('must not be reached');
      },
    },
  );
  const ctx = {
    config: parseConfig({ defaultChannel: 'C0', sns: { allowedTopicArns: [allowedTopic] } }, 'test'),
    store: untouchable,
    alerts: untouchable,
    slack: untouchable,
    fetchCertificate: async (url: string) => {
      fetched.push(url);
      return signer.fetchCertificateWith()(url);
    },
    confirmSubscription: async ({ subscribeUrl }: { subscribeUrl: string }) => {
      confirmed.push(subscribeUrl);
    },
    scheduleRootRefresh: () => undefined,
    now: () => now,
    logger: createSilentLogger(),
    leaseMs: 1000,
    rootWaitMs: 1000,
  } as unknown as SnsContext;
  return { ctx, fetched, confirmed };
}

/** What a stranger can send without any key: a real SNS host and a random certificate name. */
function strangersMessage(overrides: Record<string, unknown> = {}) {
  return {
    Type: 'Notification',
    MessageId: 'stranger-1',
    TopicArn: foreignTopic,
    Message: 'hello',
    Timestamp: now.toISOString(),
    SignatureVersion: '2',
    Signature: randomBytes(256).toString('base64'),
    SigningCertURL: `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${randomBytes(16).toString('hex')}.pem`,
    ...overrides,
  };
}

describe('checks that need no network come before the certificate fetch', () => {
  it.each([
    ['a topic not on the allow-list', strangersMessage(), 403, 'refused:topic-not-allowed'],
    [
      'a confirmation for a topic not on the allow-list',
      strangersMessage({
        Type: 'SubscriptionConfirmation',
        Token: 't',
        SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t',
      }),
      403,
      'refused:topic-not-allowed',
    ],
    [
      'a stale message',
      strangersMessage({ TopicArn: allowedTopic, Timestamp: '2020-01-01T00:00:00.000Z' }),
      400,
      'refused:stale',
    ],
    [
      'an unparseable Timestamp',
      strangersMessage({ TopicArn: allowedTopic, Timestamp: 'yesterday' }),
      400,
      'refused:stale',
    ],
    [
      'a certificate URL off SNS',
      strangersMessage({ TopicArn: allowedTopic, SigningCertURL: 'https://example.com/cert.pem' }),
      403,
      'refused:untrusted-certificate-url',
    ],
    [
      'a missing signature',
      strangersMessage({ TopicArn: allowedTopic, Signature: undefined }),
      400,
      'refused:invalid-envelope',
    ],
    [
      'a signature that is not base64',
      strangersMessage({ TopicArn: allowedTopic, Signature: 'not base64 at all!' }),
      403,
      'refused:malformed-signature',
    ],
    [
      'a signature too short to be RSA',
      strangersMessage({ TopicArn: allowedTopic, Signature: 'AAAA' }),
      403,
      'refused:malformed-signature',
    ],
    [
      'an unknown SignatureVersion',
      strangersMessage({ TopicArn: allowedTopic, SignatureVersion: '3' }),
      403,
      'refused:unsupported-signature-version',
    ],
  ])('refuses %s without fetching anything', async (_what, message, status, outcome) => {
    // Prepare
    const { ctx, fetched, confirmed } = contextWithCountingFetcher();

    // Act
    const result = await handleSnsDelivery(ctx, JSON.stringify(message));

    // Assess
    expect(result).toMatchObject({ status, outcome });
    expect(fetched).toEqual([]);
    expect(confirmed).toEqual([]);
  });

  it('fetches the certificate once everything else has passed', async () => {
    // Prepare
    const { ctx, fetched } = contextWithCountingFetcher();
    const forged = {
      ...signer.notification(allowedTopic, 'x', { timestamp: now.toISOString() }),
      Message: 'y',
    };

    // Act
    const result = await handleSnsDelivery(ctx, JSON.stringify(forged));

    // Assess
    expect(result).toMatchObject({ status: 403, outcome: 'refused:bad-signature' });
    expect(fetched).toEqual([signer.certificateUrl]);
  });
});
