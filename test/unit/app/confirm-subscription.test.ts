import { ConfirmSubscriptionCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createSubscriptionConfirmer } from '../../../src/app/confirm-subscription.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';

const topicArn = 'arn:aws:sns:eu-west-3:123456789012:klaxon-alerts';
const confirmation = {
  topicArn,
  token: '2336412f37fb687f5d51e6e241d09c8058323f60b964',
  subscribeUrl: `https://sns.eu-west-3.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=2336`,
};

function setUp(credentials: boolean) {
  const regions: string[] = [];
  const fetched: string[] = [];
  const clients: SNSClient[] = [];
  const confirm = createSubscriptionConfirmer({
    logger: createSilentLogger(),
    snsClientFor: (region) => {
      regions.push(region);
      const client = new SNSClient({
        region,
        credentials: credentials
          ? { accessKeyId: 'test', secretAccessKey: 'test' }
          : async () => {
              throw new Error('Could not load credentials from any providers');
            },
      });
      clients.push(client);
      return client;
    },
    confirmByUrl: async (url) => {
      fetched.push(url);
    },
  });
  return { confirm, regions, fetched, clients };
}

describe('confirming an SNS subscription', () => {
  it('calls ConfirmSubscription in the topic’s region with AuthenticateOnUnsubscribe when it has credentials', async () => {
    // Prepare
    const { confirm, regions, fetched } = setUp(true);
    const sns = mockClient(SNSClient)
      .on(ConfirmSubscriptionCommand)
      .resolves({
        SubscriptionArn: `${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
      });
    // Act
    const how = await confirm(confirmation);
    // Assess
    expect(how).toBe('confirm-subscription');
    expect(regions).toEqual(['eu-west-3']);
    expect(sns.commandCalls(ConfirmSubscriptionCommand).map((c) => c.args[0].input)).toEqual([
      { TopicArn: topicArn, Token: confirmation.token, AuthenticateOnUnsubscribe: 'true' },
    ]);
    expect(fetched).toEqual([]);
    sns.restore();
  });

  it('falls back to fetching the SubscribeURL when there are no AWS credentials', async () => {
    const { confirm, fetched } = setUp(false);
    const sns = mockClient(SNSClient);
    const how = await confirm(confirmation);
    expect(how).toBe('subscribe-url');
    expect(sns.commandCalls(ConfirmSubscriptionCommand)).toHaveLength(0);
    expect(fetched).toEqual([confirmation.subscribeUrl]);
    sns.restore();
  });

  it('falls back to the SubscribeURL when the credentials may not confirm this topic', async () => {
    const { confirm, fetched } = setUp(true);
    const denied = Object.assign(new Error('not authorized'), { name: 'AuthorizationErrorException' });
    const sns = mockClient(SNSClient).on(ConfirmSubscriptionCommand).rejects(denied);
    expect(await confirm(confirmation)).toBe('subscribe-url');
    expect(fetched).toEqual([confirmation.subscribeUrl]);
    sns.restore();
  });

  it('lets any other failure through, so SNS delivers the confirmation again', async () => {
    const { confirm, fetched } = setUp(true);
    const sns = mockClient(SNSClient).on(ConfirmSubscriptionCommand).rejects(new Error('socket hang up'));
    await expect(confirm(confirmation)).rejects.toThrow(/socket hang up/);
    expect(fetched).toEqual([]);
    sns.restore();
  });

  it('reuses one client per region', async () => {
    const { confirm, regions } = setUp(true);
    const sns = mockClient(SNSClient).on(ConfirmSubscriptionCommand).resolves({});
    await confirm(confirmation);
    await confirm(confirmation);
    expect(regions).toEqual(['eu-west-3']);
    sns.restore();
  });
});
