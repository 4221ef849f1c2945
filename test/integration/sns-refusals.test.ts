import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlaxon } from '../../src/app/create-klaxon.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { createSnsSigner } from '../../src/sandbox/sns-signer.ts';
import { openStore } from '../../src/store/open-store.ts';
import { type Harness, startHarness, testAwsClients, testTopicArn } from '../helpers/klaxon-harness.ts';

const alarm = {
  AlarmName: 'Refusal',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Refusal',
  NewStateValue: 'ALARM',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Sends `body` and checks it was refused with `status` and left no trace in DynamoDB or Slack. */
async function expectRefusedWithoutEffects(body: unknown, status: number, outcome: RegExp) {
  const writesBefore = h.writes();
  const slackCallsBefore = h.slack.calls.length;
  const result = await h.postSns(body);
  expect(result.status).toBe(status);
  expect(result.body.outcome).toMatch(outcome);
  expect(h.writes()).toBe(writesBefore);
  expect(h.slack.calls.length).toBe(slackCallsBefore);
}

describe('refused SNS deliveries cause no write and no Slack call', () => {
  it('refuses a forged message (signed with another key)', async () => {
    await expectRefusedWithoutEffects(
      createSnsSigner().notification(testTopicArn, alarm),
      403,
      /bad-signature/,
    );
  });

  it('refuses a tampered message', async () => {
    const tampered = {
      ...h.signer.notification(testTopicArn, alarm),
      Message: JSON.stringify({ ...alarm, AlarmName: 'Other' }),
    };
    await expectRefusedWithoutEffects(tampered, 403, /bad-signature/);
  });

  it('refuses a certificate on a foreign host, without fetching it', async () => {
    const fetchesBefore = h.certificateFetches.length;
    const message = {
      ...h.signer.notification(testTopicArn, alarm),
      SigningCertURL: 'https://attacker.example/sns.pem',
    };
    await expectRefusedWithoutEffects(message, 403, /untrusted-certificate-url/);
    expect(h.certificateFetches.length).toBe(fetchesBefore);
  });

  it("refuses a stranger's message for a foreign topic before fetching its certificate", async () => {
    const fetchesBefore = h.certificateFetches.length;
    const message = {
      ...createSnsSigner().notification('arn:aws:sns:us-east-1:999999999999:other', alarm),
      SigningCertURL: `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${crypto.randomUUID()}.pem`,
    };
    await expectRefusedWithoutEffects(message, 403, /topic-not-allowed/);
    expect(h.certificateFetches.length).toBe(fetchesBefore);
  });

  it('refuses a plain-http certificate URL', async () => {
    const message = {
      ...h.signer.notification(testTopicArn, alarm),
      SigningCertURL: h.signer.certificateUrl.replace('https', 'http'),
    };
    await expectRefusedWithoutEffects(message, 403, /untrusted-certificate-url/);
  });

  it('refuses an unknown signature version', async () => {
    await expectRefusedWithoutEffects(
      { ...h.signer.notification(testTopicArn, alarm), SignatureVersion: '9' },
      403,
      /unsupported-signature-version/,
    );
  });

  it('refuses a topic that is not allowed, even when correctly signed', async () => {
    await expectRefusedWithoutEffects(
      h.signer.notification('arn:aws:sns:us-east-1:999999999999:other', alarm),
      403,
      /topic-not-allowed/,
    );
  });

  it('refuses a replay older than the allowed age', async () => {
    const old = h.signer.notification(testTopicArn, alarm, { timestamp: '2020-01-01T00:00:00.000Z' });
    await expectRefusedWithoutEffects(old, 400, /stale/);
  });

  it('refuses raw message delivery, telling the operator to turn it off', async () => {
    await expectRefusedWithoutEffects(alarm, 400, /raw-delivery/);
    expect((await h.postSns(alarm)).body.detail).toMatch(/RawMessageDelivery/);
  });

  it('refuses a body that is not JSON, and one that is too large', async () => {
    await expectRefusedWithoutEffects('<xml/>', 400, /not-json/);
    await expectRefusedWithoutEffects('x'.repeat(400_000), 413, /too-large/);
  });
});

describe('subscriptions', () => {
  function confirmation(topicArn: string, type = 'SubscriptionConfirmation') {
    return h.signer.sign({
      Type: type as 'SubscriptionConfirmation',
      Subject: undefined,
      UnsubscribeURL: undefined,
      MessageId: crypto.randomUUID(),
      TopicArn: topicArn,
      Message: `You have chosen to subscribe to the topic ${topicArn}.`,
      Timestamp: new Date().toISOString(),
      Token: '2336412f37fb687f5d51e6e241d09c8058323f60b964',
      SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=2336`,
    });
  }

  it('confirms an allowed topic by fetching its SubscribeURL', async () => {
    const result = await h.postSns(confirmation(testTopicArn));
    expect(result).toMatchObject({ status: 200, body: { outcome: 'subscription-confirmed' } });
    expect(h.confirmedUrls.at(-1)).toMatch(
      /^https:\/\/sns\.us-east-1\.amazonaws\.com\/\?Action=ConfirmSubscription/,
    );
  });

  it('refuses to confirm a topic outside the allow-list', async () => {
    const before = h.confirmedUrls.length;
    await expectRefusedWithoutEffects(
      confirmation('arn:aws:sns:us-east-1:999999999999:intruder'),
      403,
      /topic-not-allowed/,
    );
    expect(h.confirmedUrls.length).toBe(before);
  });

  it('records an unsubscribe confirmation', async () => {
    const result = await h.postSns(confirmation(testTopicArn, 'UnsubscribeConfirmation'));
    expect(result).toMatchObject({ status: 200, body: { outcome: 'unsubscribed' } });
  });
});

describe('when DynamoDB is down', () => {
  it('answers 5xx so SNS retries, and posts nothing', async () => {
    const store = await openStore({ tableName: 'klaxon-down', endpoint: 'http://127.0.0.1:9' });
    const klaxon = createKlaxon({
      config: parseConfig({ defaultChannel: 'C0ALERTS', sns: { allowedTopicArns: [testTopicArn] } }, 'test'),
      logger: createSilentLogger(),
      store,
      slack: {
        token: 'xoxb-test',
        signingSecret: 'secret',
        apiUrl: h.slack.url,
        botIdentity: { teamId: 'T1', botId: 'B1', botUserId: 'U1' },
      },
      aws: testAwsClients(),
      fetchCertificate: h.signer.fetchCertificateWith(),
      confirmSubscription: async () => undefined,
    });
    const url = await klaxon.listen(0);
    try {
      const before = h.slack.calls.length;
      const response = await fetch(`${url}/sns`, {
        method: 'POST',
        body: JSON.stringify(h.signer.notification(testTopicArn, alarm)),
      });
      expect(response.status).toBe(503);
      expect(h.slack.calls.length).toBe(before);
      expect((await fetch(`${url}/healthz`)).status).toBe(503);
    } finally {
      await klaxon.close();
    }
  });
});
