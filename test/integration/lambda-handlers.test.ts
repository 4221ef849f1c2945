import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context, LambdaFunctionURLEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_PATTERNS } from '../../infra/constructs/delivery-metrics.ts';
import { createRefreshingRuntime } from '../../src/lambda/lambda-core.ts';
import { createLambdaRuntime, type LambdaRuntime } from '../../src/lambda/lambda-runtime.ts';
import { createFunctionUrlHandler } from '../../src/lambda/slack-handler.ts';
import { createSnsEventHandler } from '../../src/lambda/sns-handler.ts';
import { createWorkerHandler } from '../../src/lambda/worker-handler.ts';
import { alertIdOf } from '../../src/model/alert.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { AlertActionIds } from '../../src/render/action-values.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { interactionBody, signSlackRequest, slashCommandBody } from '../../src/sandbox/sign-slack-request.ts';
import { createSnsSigner } from '../../src/sandbox/sns-signer.ts';
import type { ScheduleRetry } from '../../src/slack/slack-identity.ts';
import { testAwsClients } from '../helpers/klaxon-harness.ts';
import { createCollectingLogger } from '../helpers/log-lines.ts';
import { alice, blockActionsPayload, findElement } from './buttons/slack-requests.ts';
import {
  lambdaContext as context,
  createLambdaTable,
  slackSecretArn as secretArn,
  snsEventWith,
  lambdaTopicArn as topicArn,
} from './lambda-kit.ts';

const signingSecret = 'lambda-signing-secret';
const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));
const signer = createSnsSigner();

let slack: FakeSlackApi;
let runtime: Promise<LambdaRuntime>;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  runtime = startRuntime(slack);
});
afterAll(async () => {
  await slack.close();
});

async function startRuntime(fakeSlack: FakeSlackApi, overrides: { scheduleSlackRetry?: ScheduleRetry } = {}) {
  const { tableName, endpoint } = await createLambdaTable('klaxon-lambda');
  const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
  mockClient(secretsManager)
    .on(GetSecretValueCommand, { SecretId: secretArn })
    .resolves({
      ARN: secretArn,
      Name: 'klaxon-slack',
      SecretString: JSON.stringify({ botToken: 'xoxb-lambda', signingSecret }),
    });
  const env = {
    KLAXON_TABLE_NAME: tableName,
    KLAXON_SLACK_SECRET_ARN: secretArn,
    KLAXON_ALLOWED_TOPIC_ARNS: topicArn,
    KLAXON_CONFIG_JSON: JSON.stringify({ defaultChannel: 'C0LAMBDA' }),
    SLACK_API_URL: fakeSlack.url,
  };
  return createLambdaRuntime(env, {
    secretsManager,
    aws: testAwsClients(),
    fetchCertificate: signer.fetchCertificateWith(),
    logger: createSilentLogger(),
    dynamoDbEndpoint: endpoint,
    ...overrides,
  });
}

function functionUrlEvent(
  path: string,
  body: string,
  headers: Record<string, string> = {},
): LambdaFunctionURLEvent {
  const event = fixture('lambda/lambda-urls-request.json');
  return {
    ...event,
    rawPath: path,
    rawQueryString: '',
    headers,
    body,
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, path } },
  };
}

const alarm = {
  AlarmName: 'Lambda-CPU',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Lambda-CPU',
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: '2026-11-25T10:00:00.000+0000',
};

describe('SNS subscription handler', () => {
  const handler = createSnsEventHandler(() => runtime);

  it('verifies a record in its Lambda spelling and posts the alert once', async () => {
    const event = snsEventWith(signer.notification(topicArn, alarm));
    await handler(event);
    await handler(event);
    expect(slack.messages('C0LAMBDA')).toHaveLength(1);
  });

  it('drops a forged record without retrying it', async () => {
    const before = slack.calls.length;
    await expect(
      handler(snsEventWith(createSnsSigner().notification(topicArn, alarm))),
    ).resolves.toBeUndefined();
    expect(slack.calls.length).toBe(before);
  });

  it('throws on a transient failure so Lambda retries, and the retry finishes the job', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, 3);
    const event = snsEventWith(
      signer.notification(topicArn, {
        ...alarm,
        AlarmName: 'Retry-CPU',
        AlarmArn: `${alarm.AlarmArn}-retry`,
      }),
    );
    await expect(handler(event)).rejects.toThrow(/transient/);
    await handler(event);
    expect(slack.messages('C0LAMBDA').filter((m) => m.text.includes('Retry-CPU'))).toHaveLength(1);
  });
});

describe('Function URL handler', () => {
  const handler = async (event: LambdaFunctionURLEvent, ctx: Context) =>
    (await createFunctionUrlHandler(() => runtime)(event, ctx)) as { statusCode: number; body: string };

  it('routes /sns to the SNS core, before Bolt', async () => {
    const body = JSON.stringify(
      signer.notification(topicArn, {
        ...alarm,
        AlarmName: 'Https-CPU',
        AlarmArn: `${alarm.AlarmArn}-https`,
      }),
    );
    const response = await handler(
      functionUrlEvent('/sns', Buffer.from(body).toString('base64')) && {
        ...functionUrlEvent('/sns', Buffer.from(body).toString('base64')),
        isBase64Encoded: true,
      },
      context,
    );
    expect(response).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(response.body!)).toMatchObject({ outcome: 'new-alert' });
  });

  it('answers a signed slash command through Bolt and refuses a forged one', async () => {
    const body = slashCommandBody({ text: 'help', response_url: slack.createResponseUrl() });
    const signed = await handler(
      functionUrlEvent('/slack/events', body, {
        ...lowerCase(signSlackRequest(signingSecret, body)),
        'content-type': 'application/x-www-form-urlencoded',
      }),
      context,
    );
    expect(signed.statusCode).toBe(200);
    expect(signed.body).toContain('/klaxon');
    const forged = await handler(
      functionUrlEvent('/slack/events', body, {
        ...lowerCase(signSlackRequest('wrong', body)),
        'content-type': 'application/x-www-form-urlencoded',
      }),
      context,
    );
    expect(forged.statusCode).toBe(401);
  });

  it('runs the same Slack request guard as the server: future, replayed and foreign requests do nothing', async () => {
    const slashEvent = (body: string, timestamp?: number) =>
      functionUrlEvent('/slack/events', body, {
        ...lowerCase(signSlackRequest(signingSecret, body, timestamp)),
        'content-type': 'application/x-www-form-urlencoded',
      });
    const future = slashCommandBody({ text: 'help', response_url: slack.createResponseUrl() });
    expect((await handler(slashEvent(future, Math.floor(Date.now() / 1000) + 400), context)).statusCode).toBe(
      401,
    );

    const foreign = slashCommandBody({
      text: 'help',
      team_id: 'T0STRANGER',
      response_url: slack.createResponseUrl(),
    });
    expect(await handler(slashEvent(foreign), context)).toMatchObject({ statusCode: 403, body: '' });

    const once = slashEvent(slashCommandBody({ text: 'help', response_url: slack.createResponseUrl() }));
    const answers = [
      await handler(once, context),
      await handler(once, context),
      await handler(once, context),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers[0]!.body).toContain('/klaxon');
    expect(answers.slice(1).map((a) => a.body)).toEqual(['', '']);
  });

  it('checks the store on /healthz', async () => {
    const response = await handler(
      {
        ...functionUrlEvent('/healthz', ''),
        requestContext: {
          ...functionUrlEvent('/healthz', '').requestContext,
          http: { ...functionUrlEvent('/healthz', '').requestContext.http, method: 'GET' },
        },
      },
      context,
    );
    expect(response.statusCode).toBe(200);
  });
});

describe('a cold start while Slack is down', () => {
  it('builds the runtime, accepts SNS, reports Slack unreachable, then ok once Slack answers', async () => {
    const down = await startFakeSlackApi();
    down.failNext('auth.test', { status: 500 }, 50);
    const retries: Array<() => void> = [];
    try {
      const started = await startRuntime(down, {
        scheduleSlackRetry: (run) => {
          retries.push(run);
          return { cancel: () => undefined };
        },
      });
      await started.slackIdentity.settled();
      const handler = createFunctionUrlHandler(async () => started);
      const body = JSON.stringify(
        signer.notification(topicArn, {
          ...alarm,
          AlarmName: 'Down-CPU',
          AlarmArn: `${alarm.AlarmArn}-down`,
        }),
      );
      expect(await handler(functionUrlEvent('/sns', body), context)).toMatchObject({ statusCode: 200 });
      const health = async () =>
        JSON.parse(String(((await handler(getEvent('/healthz'), context)) as { body?: string }).body));
      expect(await health()).toEqual({ status: 'degraded', store: 'ok', slack: 'unreachable' });
      down.reset();
      retries.shift()?.();
      await started.slackIdentity.settled();
      expect(await health()).toMatchObject({ status: 'ok', slack: 'ok' });
    } finally {
      await down.close();
    }
  });
});

describe('a rotated Slack signing secret', () => {
  it('is read again after SLACK_SECRET_TTL_SECONDS: a request signed with the new secret then succeeds', async () => {
    // Prepare: Secrets Manager answers the old secret, then (rotated) the new one; the clock is ours.
    const { tableName, endpoint } = await createLambdaTable('klaxon-rotate');
    const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
    const secretOf = (signing: string) => ({
      SecretString: JSON.stringify({ botToken: 'xoxb-lambda', signingSecret: signing }),
    });
    const secrets = mockClient(secretsManager)
      .on(GetSecretValueCommand)
      .resolvesOnce(secretOf(signingSecret))
      .resolves(secretOf('rotated-signing-secret'));
    let now = Date.parse('2026-11-29T12:00:00Z');
    const env = {
      KLAXON_TABLE_NAME: tableName,
      KLAXON_SLACK_SECRET_ARN: secretArn,
      KLAXON_CONFIG_JSON: JSON.stringify({ defaultChannel: 'C0LAMBDA' }),
      SLACK_API_URL: slack.url,
      SLACK_SECRET_TTL_SECONDS: '300',
    };
    const handler = createFunctionUrlHandler(
      createRefreshingRuntime(env, createLambdaRuntime, {
        secretsManager,
        aws: testAwsClients(),
        fetchCertificate: signer.fetchCertificateWith(),
        logger: createSilentLogger(),
        dynamoDbEndpoint: endpoint,
        now: () => now,
      }),
    );
    const signedWith = (secret: string) => {
      const body = slashCommandBody({ text: 'help', response_url: slack.createResponseUrl() });
      return functionUrlEvent('/slack/events', body, {
        ...lowerCase(signSlackRequest(secret, body)),
        'content-type': 'application/x-www-form-urlencoded',
      });
    };
    const statusOf = async (secret: string) =>
      ((await handler(signedWith(secret), context)) as { statusCode: number }).statusCode;
    // Act + Assess: before the TTL the old secret is still in use; after it, the new one.
    expect(await statusOf(signingSecret)).toBe(200);
    now += 299_000;
    expect(await statusOf('rotated-signing-secret')).toBe(401);
    now += 2_000;
    expect(await statusOf('rotated-signing-secret')).toBe(200);
    expect(await statusOf(signingSecret)).toBe(401);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});

describe('a button on the Slack function', () => {
  it('is answered before its work starts: the work is handed to the worker, which does it', async () => {
    // Prepare: a Slack function with a worker; the spy on the asynchronous invoke keeps the handed-off event.
    const { tableName, endpoint } = await createLambdaTable('klaxon-click');
    const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
    mockClient(secretsManager)
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ botToken: 'xoxb-lambda', signingSecret }) });
    const lambda = new LambdaClient({ region: 'us-east-1' });
    const order: string[] = [];
    const handedOff: unknown[] = [];
    mockClient(lambda)
      .on(InvokeCommand)
      .callsFake(async (input: { Payload: Uint8Array }) => {
        order.push('work handed off');
        handedOff.push(JSON.parse(new TextDecoder().decode(input.Payload)));
        return { StatusCode: 202 };
      });
    const clicked = await createLambdaRuntime(
      {
        KLAXON_TABLE_NAME: tableName,
        KLAXON_SLACK_SECRET_ARN: secretArn,
        KLAXON_ALLOWED_TOPIC_ARNS: topicArn,
        KLAXON_CONFIG_JSON: JSON.stringify({ defaultChannel: 'C0CLICKS' }),
        KLAXON_WORKER_FUNCTION_NAME: 'klaxon-worker',
        SLACK_API_URL: slack.url,
      },
      {
        secretsManager,
        lambda,
        aws: testAwsClients(),
        fetchCertificate: signer.fetchCertificateWith(),
        logger: createSilentLogger(),
        dynamoDbEndpoint: endpoint,
      },
    );
    const functionUrl = createFunctionUrlHandler(async () => clicked);
    const named = { ...alarm, AlarmName: 'Click-CPU', AlarmArn: `${alarm.AlarmArn}-click` };
    const body = JSON.stringify(signer.notification(topicArn, named));
    await functionUrl(functionUrlEvent('/sns', body), context);
    const root = slack.messages('C0CLICKS')[0]!;
    const { confirm: _c, style: _s, ...button } = findElement(root, AlertActionIds.acknowledge);
    const click = interactionBody(blockActionsPayload(root, button, alice));
    const alertId = alertIdOf(`cloudwatch-alarm:${named.AlarmArn}`);
    const signedClick = functionUrlEvent('/slack/events', click, {
      ...lowerCase(signSlackRequest(signingSecret, click)),
      'content-type': 'application/x-www-form-urlencoded',
    });
    const worker = createWorkerHandler(async () => clicked);
    // Act
    const answer = (await functionUrl(signedClick, context)) as { statusCode: number };
    order.push('Slack answered');
    const atAnswer = await clicked.store.alerts.loadAlert(alertId);
    await worker(handedOff[0], context);
    const afterWork = await clicked.store.alerts.loadAlert(alertId);
    // The same signed request replayed, and Lambda running the worker's event again (its retry).
    const replayed = (await functionUrl(signedClick, context)) as { statusCode: number };
    await worker(handedOff[1], context);
    await worker(handedOff[0], context);
    // Assess
    expect(answer.statusCode).toBe(200);
    expect(order.slice(0, 2)).toEqual(['work handed off', 'Slack answered']);
    expect(handedOff[0]).toMatchObject({
      type: 'klaxon-action',
      // The request guard left the click's replay claim to be written with its audit record.
      job: { kind: 'state', action: 'acknowledge', replayClaim: { key: expect.stringMatching(/^sig:/) } },
    });
    expect(atAnswer.record?.acknowledged).toBeUndefined();
    expect(afterWork.record?.acknowledged).toMatchObject({ userId: alice.userId });
    expect(replayed.statusCode).toBe(200);
    expect(await clicked.store.audit.listByUser(alice.userId)).toHaveLength(1);
  });
});

function getEvent(path: string): LambdaFunctionURLEvent {
  const event = functionUrlEvent(path, '');
  return {
    ...event,
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'GET' } },
  };
}

describe('worker handler', () => {
  it('runs the per-minute sweep on the EventBridge schedule', async () => {
    const handler = createWorkerHandler(() => runtime);
    const scheduled = scheduledEvent();
    await expect(handler(scheduled, context)).resolves.toEqual({ handled: 'sweep' });
    await expect(handler({ unexpected: true }, context)).resolves.toEqual({ handled: 'nothing' });
  });

  it("logs the sweep line with every field the stack's metric filters read", async () => {
    // Prepare
    const { logger, lines: logged } = createCollectingLogger();
    const real = await runtime;
    // Act
    await createWorkerHandler(async () => ({ ...real, logger }))(scheduledEvent(), context);
    // Assess: the line the sweep filters match (`$.msg = "sweep"`), with the fields they read as numbers
    const line = logged.find((entry) => entry.msg === 'sweep');
    expect(line).toMatchObject({ outboxesFailed: 0, oldestPendingSeconds: 0 });
    for (const pattern of [LOG_PATTERNS.sweepPartlyFailed, LOG_PATTERNS.oldestPendingSeconds]) {
      for (const [, field] of pattern.matchAll(/\$\.(\w+) [<>]/g))
        expect(typeof line?.[field!], field).toBe('number');
    }
  });

  it('logs a failed sweep and returns: a throw would be retried and land in the dead-letter queue', async () => {
    // Prepare: the store is down for this sweep.
    const { logger, lines: logged } = createCollectingLogger();
    const real = await runtime;
    const failing = {
      ...real,
      logger,
      core: {
        ...real.core,
        sweep: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:8000');
        },
      },
    };
    // Act
    const result = await createWorkerHandler(async () => failing)(scheduledEvent(), context);
    // Assess
    expect(result).toEqual({ handled: 'sweep-failed' });
    expect(logged).toContainEqual(expect.objectContaining({ outcome: 'sweep-failed', level: 50 }));
  });
});

function scheduledEvent() {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: ['arn:aws:events:us-east-1:123456789012:rule/klaxon-sweep'],
    detail: {},
  };
}

function lowerCase(headers: object): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
