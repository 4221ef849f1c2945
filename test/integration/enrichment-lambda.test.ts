import { readFileSync } from 'node:fs';
import { CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnsCore, createSnsEventHandler } from '../../src/lambda/sns-handler.ts';
import { createWorkerCore, createWorkerHandler } from '../../src/lambda/worker-handler.ts';
import { alertIdOf } from '../../src/model/alert.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { createSnsSigner } from '../../src/sandbox/sns-signer.ts';
import { testAwsClients } from '../helpers/klaxon-harness.ts';
import { createTinyPng } from '../helpers/tiny-png.ts';
import {
  lambdaContext as context,
  createLambdaTable,
  slackSecretArn,
  snsEventWith,
  lambdaTopicArn as topicArn,
} from './lambda-kit.ts';

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));
const signer = createSnsSigner();
const lambda = new LambdaClient({ region: 'us-east-1' });
const lambdaMock = mockClient(lambda);
const cloudWatch = mockClient(CloudWatchClient);

let slack: FakeSlackApi;
let snsRuntime: ReturnType<typeof createSnsCore>;
let workerRuntime: ReturnType<typeof createWorkerCore>;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  const { tableName, endpoint } = await createLambdaTable('klaxon-enrich');
  const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
  mockClient(secretsManager)
    .on(GetSecretValueCommand)
    .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-lambda', signingSecret: 'lambda-secret' }) });
  lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
  const env = {
    KLAXON_TABLE_NAME: tableName,
    KLAXON_SLACK_SECRET_ARN: slackSecretArn,
    KLAXON_ALLOWED_TOPIC_ARNS: topicArn,
    KLAXON_WORKER_FUNCTION_NAME: 'klaxon-worker',
    // The graph is what this test follows; recent changes (CloudTrail) have their own tests.
    KLAXON_CONFIG_JSON: JSON.stringify({
      defaultChannel: 'C0LAMBDA',
      enrichment: { enabled: { 'recent-changes': false } },
    }),
    SLACK_API_URL: slack.url,
  };
  const overrides = {
    secretsManager,
    lambda,
    aws: testAwsClients(),
    fetchCertificate: signer.fetchCertificateWith(),
    logger: createSilentLogger(),
    dynamoDbEndpoint: endpoint,
  };
  // Each function builds its own services: the SNS function plans lookups and hands them to the worker,
  // which runs them (its own composition, with every lookup).
  snsRuntime = createSnsCore(env, overrides);
  workerRuntime = createWorkerCore(env, overrides);
});
afterAll(async () => {
  await slack.close();
});

describe('enrichment on Lambda', () => {
  it('posts the alert from the SNS function and leaves the graph to an asynchronous worker invocation', async () => {
    // Prepare
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: createTinyPng() });
    const alarmArn = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Lambda-Graph';
    const alarm = {
      ...fixture('cloudwatch/alarm-single-metric.json'),
      AlarmName: 'Lambda-Graph',
      AlarmArn: alarmArn,
    };

    // Act: the SNS function
    await createSnsEventHandler(() => snsRuntime)(snsEventWith(signer.notification(topicArn, alarm)));

    // Assess: posted, no lookup made, the worker invoked asynchronously with the alert
    expect(slack.messages('C0LAMBDA')).toHaveLength(1);
    expect(cloudWatch.commandCalls(GetMetricWidgetImageCommand)).toHaveLength(0);
    const [invoke] = lambdaMock.commandCalls(InvokeCommand);
    expect(invoke?.args[0].input).toMatchObject({ FunctionName: 'klaxon-worker', InvocationType: 'Event' });
    const payload = JSON.parse(new TextDecoder().decode(invoke?.args[0].input.Payload as Uint8Array));
    expect(payload).toEqual({ type: 'klaxon-enrich', alertId: alertIdOf(`cloudwatch-alarm:${alarmArn}`) });

    // Act: the worker, given that event
    const handled = await createWorkerHandler(() => workerRuntime)(payload, context);

    // Assess: the graph is in the alert's thread
    expect(handled).toEqual({ handled: 'enrichment' });
    const [root] = slack.messages('C0LAMBDA');
    expect(root?.replies.map((reply) => reply.files?.length)).toEqual([1]);
  });
});
