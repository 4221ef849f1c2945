import { SNSClient } from '@aws-sdk/client-sns';
import {
  confirmSnsSubscription,
  hasSnsCredentials,
  isConfirmRefused,
  regionOfTopicArn,
} from '../aws/confirm-sns-subscription.ts';
import type { ConfirmedBy, SubscriptionToConfirm } from '../core/notifications/sns-context.ts';
import type { Logger } from '../observability/logger.ts';
import { confirmSubscriptionByUrl } from './confirm-subscription-by-url.ts';

export { confirmSubscriptionByUrl };

export interface SubscriptionConfirmerOptions {
  logger: Logger;
  /** One client per topic region (tests pass clients with or without credentials). */
  snsClientFor?: (region: string) => SNSClient;
  confirmByUrl?: (subscribeUrl: string) => Promise<void>;
}

/**
 * ConfirmSubscription with `AuthenticateOnUnsubscribe` in the topic's region when AWS credentials are there;
 * the SubscribeURL when they are not (a laptop) or may not confirm this topic — said in the log, since such a
 * subscription can then be cut off by anyone holding an UnsubscribeURL.
 */
export function createSubscriptionConfirmer(options: SubscriptionConfirmerOptions) {
  const clients = new Map<string, SNSClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = options.snsClientFor?.(region) ?? new SNSClient({ region, maxAttempts: 3 });
      clients.set(region, client);
    }
    return client;
  };
  const byUrl = options.confirmByUrl ?? confirmSubscriptionByUrl;
  return async (confirmation: SubscriptionToConfirm): Promise<ConfirmedBy> => {
    const region = regionOfTopicArn(confirmation.topicArn);
    const client = region && confirmation.token ? clientFor(region) : undefined;
    if (client && confirmation.token && (await hasSnsCredentials(client))) {
      try {
        await confirmSnsSubscription(client, { topicArn: confirmation.topicArn, token: confirmation.token });
        return 'confirm-subscription';
      } catch (error) {
        if (!isConfirmRefused(error)) throw error;
        options.logger.warn(
          { err: error, topicArn: confirmation.topicArn },
          'ConfirmSubscription refused (allow sns:ConfirmSubscription on the topic); confirmed by SubscribeURL instead, so its UnsubscribeURL can cut Klaxon off',
        );
      }
    }
    await byUrl(confirmation.subscribeUrl);
    return 'subscribe-url';
  };
}
