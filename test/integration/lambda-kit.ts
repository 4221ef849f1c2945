import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context, SNSEvent } from 'aws-lambda';
import { inject } from 'vitest';
import type { SnsSigner } from '../../src/sandbox/sns-signer.ts';
import { createDocumentClient, ensureTableExists } from '../../src/store/table.ts';

/** What the Lambda tests share: the topic, the Slack secret's ARN, a context, SNS's event and a fresh table. */
export const lambdaTopicArn = 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts';
export const slackSecretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:klaxon-slack-AbCdEf';
export const lambdaContext = { getRemainingTimeInMillis: () => 60_000 } as Context;

/** A table of its own in the suite's DynamoDB Local: the name for the function's environment, and where it is. */
export async function createLambdaTable(prefix: string): Promise<{ tableName: string; endpoint: string }> {
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const endpoint = inject('dynamoEndpoint');
  await ensureTableExists(createDocumentClient({ endpoint }), tableName);
  return { tableName, endpoint };
}

/** The documented Lambda SNS event carrying a signed notification, in Lambda's spelling. */
export function snsEventWith(message: ReturnType<SnsSigner['notification']>): SNSEvent {
  const event = JSON.parse(readFileSync('test/fixtures/lambda/sns-event.json', 'utf8'));
  const { SigningCertURL, UnsubscribeURL, ...rest } = message;
  event.Records[0].EventSubscriptionArn = `${lambdaTopicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`;
  // Lambda spells an absent Subject as null.
  event.Records[0].Sns = {
    ...event.Records[0].Sns,
    ...rest,
    Subject: rest.Subject ?? null,
    SigningCertUrl: SigningCertURL,
    UnsubscribeUrl: UnsubscribeURL,
  };
  return event;
}
