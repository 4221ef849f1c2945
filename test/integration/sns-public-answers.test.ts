import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context, LambdaFunctionURLEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlaxon } from '../../src/app/create-klaxon.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLambdaRuntime } from '../../src/lambda/lambda-runtime.ts';
import { createFunctionUrlHandler } from '../../src/lambda/slack-handler.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { createSnsSigner } from '../../src/sandbox/sns-signer.ts';
import { openStore } from '../../src/store/open-store.ts';
import { testAwsClients, testTopicArn } from '../helpers/klaxon-harness.ts';
import { createCollectingLogger } from '../helpers/log-lines.ts';

/** DynamoDB "down": nothing listens on the discard port. */
const deadStoreEndpoint = 'http://127.0.0.1:9';
const fixedFailure = { outcome: 'failed', detail: 'temporary failure; SNS will retry' };
const signer = createSnsSigner();
const alarm = {
  AlarmName: 'Leak',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Leak',
  NewStateValue: 'ALARM',
};

/** The real server on a store that does not answer (a closed port). */
async function klaxonOnDeadStore(logger: ReturnType<typeof createCollectingLogger>['logger']) {
  return createKlaxon({
    config: parseConfig({ defaultChannel: 'C0ALERTS', sns: { allowedTopicArns: [testTopicArn] } }, 'test'),
    logger,
    store: await openStore({ tableName: 'klaxon-down', endpoint: deadStoreEndpoint }),
    slack: {
      token: 'xoxb-test',
      signingSecret: 'secret',
      apiUrl: slack.url,
      botIdentity: { botId: 'B1', botUserId: 'U1', teamId: 'T1' },
    },
    aws: testAwsClients(),
    fetchCertificate: signer.fetchCertificateWith(),
    confirmSubscription: async () => undefined,
  });
}

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(async () => {
  await slack.close();
});

describe('a store failure answers SNS a fixed reason and logs the real one', () => {
  it('on the long-running server', async () => {
    // Prepare
    const { logger, lines } = createCollectingLogger();
    const klaxon = await klaxonOnDeadStore(logger);
    const url = await klaxon.listen(0);

    try {
      // Act
      const response = await fetch(`${url}/sns`, {
        method: 'POST',
        body: JSON.stringify(signer.notification(testTopicArn, alarm)),
      });
      const text = await response.text();

      // Assess
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toEqual(fixedFailure);
      const logged = lines.find((line) => line.path === '/sns' && line.msg === 'request');
      expect(logged?.status).toBe(503);
      expect(String(logged?.detail)).toMatch(/Error/);
      expect(text).not.toContain(String(logged?.detail));
    } finally {
      await klaxon.close();
    }
  });

  it('on the Lambda Function URL', async () => {
    // Prepare
    const { logger, lines } = createCollectingLogger();
    const secretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:klaxon-slack-AbCdEf';
    const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
    mockClient(secretsManager)
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-lambda', signingSecret: 's' }) });
    const runtime = createLambdaRuntime(
      {
        KLAXON_TABLE_NAME: 'klaxon-down',
        KLAXON_SLACK_SECRET_ARN: secretArn,
        KLAXON_ALLOWED_TOPIC_ARNS: testTopicArn,
        KLAXON_CONFIG_JSON: JSON.stringify({ defaultChannel: 'C0LAMBDA' }),
        SLACK_API_URL: slack.url,
      },
      {
        secretsManager,
        aws: testAwsClients(),
        fetchCertificate: signer.fetchCertificateWith(),
        logger,
        dynamoDbEndpoint: deadStoreEndpoint,
      },
    );
    const handler = createFunctionUrlHandler(() => runtime);
    const event = JSON.parse(readFileSync('test/fixtures/lambda/lambda-urls-request.json', 'utf8'));

    // Act
    const response = (await handler(
      {
        ...event,
        rawPath: '/sns',
        headers: {},
        isBase64Encoded: false,
        body: JSON.stringify(signer.notification(testTopicArn, alarm)),
        requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'POST' } },
      } as LambdaFunctionURLEvent,
      {} as Context,
    )) as { statusCode: number; body: string };

    // Assess
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(String(response.body))).toEqual(fixedFailure);
    const logged = lines.find((line) => line.path === '/sns' && line.msg === 'request');
    expect(String(logged?.detail)).toMatch(/Error/);
    expect(String(response.body)).not.toContain(String(logged?.detail));
  });
});

describe('refusals say what was refused, in fixed words', () => {
  it('names no configuration for a topic that is not allowed', async () => {
    const { logger } = createCollectingLogger();
    const klaxon = await klaxonOnDeadStore(logger);
    const url = await klaxon.listen(0);
    try {
      const response = await fetch(`${url}/sns`, {
        method: 'POST',
        body: JSON.stringify(signer.notification('arn:aws:sns:us-east-1:999999999999:other', alarm)),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        outcome: 'refused:topic-not-allowed',
        detail: 'topic not allowed',
      });
    } finally {
      await klaxon.close();
    }
  });
});
