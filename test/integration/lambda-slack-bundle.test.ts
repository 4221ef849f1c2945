import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../scripts/lambda-build-options.mjs';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { signSlackRequest, slashCommandBody } from '../../src/sandbox/sign-slack-request.ts';
import { createLambdaTable, slackSecretArn as secretArn } from './lambda-kit.ts';

const run = promisify(execFile);
const signingSecret = 'bundle-signing-secret';
const urlRequest = JSON.parse(readFileSync('test/fixtures/lambda/lambda-urls-request.json', 'utf8'));

let dir: string;
let bundle: string;
let slack: FakeSlackApi;
let secretsManager: Server;
let env: NodeJS.ProcessEnv;

/** Secrets Manager's GetSecretValue on the wire (JSON 1.1), for the bundle's own SDK client to call. */
function startSecretsManagerStandIn(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (target !== 'secretsmanager.GetSecretValue') {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: String(target) }));
        return;
      }
      const secret = { botToken: 'xoxb-bundle', signingSecret };
      res.end(JSON.stringify({ ARN: secretArn, Name: 'klaxon-slack', SecretString: JSON.stringify(secret) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'klaxon-slack-bundle-'));
  bundle = join(dir, 'slack-handler', 'index.mjs');
  await build({
    ...lambdaBuildOptions(),
    entryPoints: { 'slack-handler/index': 'src/lambda/slack-handler.ts' },
    outdir: dir,
  });
  slack = await startFakeSlackApi();
  secretsManager = await startSecretsManagerStandIn();
  const { tableName, endpoint: dynamoEndpoint } = await createLambdaTable('klaxon-bundle');
  env = {
    PATH: process.env.PATH,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    // DynamoDB Local keeps a database per access key and region: the ones the table was created with.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secretsManager.address() as AddressInfo).port}`,
    KLAXON_TABLE_NAME: tableName,
    KLAXON_SLACK_SECRET_ARN: secretArn,
    KLAXON_CONFIG_JSON: JSON.stringify({ defaultChannel: 'C0BUNDLE' }),
    KLAXON_LOG_LEVEL: 'silent',
    SLACK_API_URL: slack.url,
  };
}, 120_000);

afterAll(async () => {
  await slack?.close();
  await new Promise((resolve) => secretsManager?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle's exported handler on Function URL events in a fresh Node process, as Lambda would. */
async function invokeBundle(events: unknown[]): Promise<Array<{ statusCode: number; body?: string }>> {
  const eventsFile = join(dir, `events-${randomUUID()}.json`);
  writeFileSync(eventsFile, JSON.stringify(events));
  const driver = [
    `const { handler } = await import(${JSON.stringify(`file://${bundle}`)});`,
    `const events = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(eventsFile)}, 'utf8'));`,
    'const answers = [];',
    'for (const event of events) answers.push(await handler(event, { getRemainingTimeInMillis: () => 60000 }));',
    'process.stdout.write(JSON.stringify(answers));',
    'process.exit(0);',
  ].join('\n');
  const script = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${driver}`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env,
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

function functionUrlEvent(method: string, path: string, body = '', headers: Record<string, string> = {}) {
  return {
    ...urlRequest,
    rawPath: path,
    rawQueryString: '',
    headers,
    body,
    isBase64Encoded: false,
    requestContext: {
      ...urlRequest.requestContext,
      http: { ...urlRequest.requestContext.http, method, path },
    },
  };
}

describe('the Slack function as shipped (the minified bundle, Bolt without its unused receivers)', () => {
  it('answers a signed slash command through Bolt, refuses a forged one, and checks the store', async () => {
    const body = slashCommandBody({ text: 'help', response_url: slack.createResponseUrl() });
    const signed = Object.fromEntries(
      Object.entries(signSlackRequest(signingSecret, body)).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const forged = { ...signed, 'x-slack-signature': `v0=${'0'.repeat(64)}` };
    const [help, refused, health] = await invokeBundle([
      functionUrlEvent('POST', '/slack/events', body, { ...signed, ...form }),
      functionUrlEvent('POST', '/slack/events', body, { ...forged, ...form }),
      functionUrlEvent('GET', '/healthz'),
    ]);
    expect(help?.statusCode).toBe(200);
    expect(help?.body).toContain('/klaxon');
    expect(refused?.statusCode).toBe(401);
    expect(health?.statusCode).toBe(200);
  }, 90_000);
});
