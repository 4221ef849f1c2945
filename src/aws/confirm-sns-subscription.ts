import { ConfirmSubscriptionCommand, type SNSClient } from '@aws-sdk/client-sns';
import { isRegionCode } from '../model/aws-ids.ts';

/** The region of an SNS topic ARN (`arn:aws:sns:<region>:<account>:<name>`): confirmations go there. */
export function regionOfTopicArn(topicArn: string): string | undefined {
  const region = topicArn.split(':')[3];
  return isRegionCode(region) ? region : undefined;
}

/**
 * Confirms with the signed API call rather than the SubscribeURL: `AuthenticateOnUnsubscribe` makes
 * unsubscribing need AWS credentials, so the UnsubscribeURL every message carries can no longer cut Klaxon off.
 */
export async function confirmSnsSubscription(
  client: SNSClient,
  confirmation: { topicArn: string; token: string },
): Promise<void> {
  await client.send(
    new ConfirmSubscriptionCommand({
      TopicArn: confirmation.topicArn,
      Token: confirmation.token,
      AuthenticateOnUnsubscribe: 'true',
    }),
  );
}

/** Whether the client can sign a call at all (no credentials: a laptop or the sandbox). */
export async function hasSnsCredentials(client: SNSClient): Promise<boolean> {
  try {
    await client.config.credentials();
    return true;
  } catch {
    return false;
  }
}

/** The credentials exist but may not confirm this topic (another account's topic, a narrow policy). */
export function isConfirmRefused(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return (
    name === 'AuthorizationErrorException' || name === 'AccessDeniedException' || name === 'AccessDenied'
  );
}
