import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createKlaxon, type Klaxon, type KlaxonOptions } from '../../src/app/create-klaxon.ts';
import { type AwsClients, cacheByRegion } from '../../src/aws/aws-clients.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLogger, createSilentLogger } from '../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../src/sandbox/fake-slack-api.ts';
import { createSnsSigner, type SnsSigner } from '../../src/sandbox/sns-signer.ts';
import type { KlaxonStore } from '../../src/store/open-store.ts';
import { openTestStore } from './test-store.ts';

export const testTopicArn = 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts';
export const signingSecret = 'test-signing-secret-0123456789abcdef';

export interface Harness {
  url: string;
  klaxon: Klaxon;
  slack: FakeSlackApi;
  store: KlaxonStore;
  signer: SnsSigner;
  /** Subscription confirmations Klaxon made (the SubscribeURLs it fetched). */
  confirmedUrls: string[];
  certificateFetches: string[];
  /** DynamoDB write commands sent so far (Put, Update, Delete, TransactWrite, BatchWrite). */
  writes(): number;
  /** Every DynamoDB command sent so far, by name (BatchGetItemCommand, TransactWriteItemsCommand, …). */
  storeCalls(): string[];
  postSns(
    message: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { outcome?: string; detail?: string } }>;
  close(): Promise<void>;
}

/**
 * The real server, wired by the real composition root, on a fresh DynamoDB Local table and a fake Slack Web
 * API server on loopback. AWS query clients are real SDK clients that tests answer with aws-sdk-client-mock.
 */
export async function startHarness(
  configDocument: Record<string, unknown> = {},
  options: Pick<
    KlaxonOptions,
    | 'commands'
    | 'clock'
    | 'drainLeaseMs'
    | 'channelPace'
    | 'timersInProcess'
    | 'enrichers'
    | 'enrichmentBudgetSignal'
  > & {
    logDestination?: NodeJS.WritableStream;
    slackAppId?: string;
  } = {},
): Promise<Harness> {
  const slack = await startFakeSlackApi({ users: { U0ALICE: { name: 'alice', real_name: 'Alice Doe' } } });
  const store = await openTestStore();
  const signer = createSnsSigner();
  const confirmedUrls: string[] = [];
  const certificateFetches: string[] = [];
  const config = parseConfig(
    {
      defaultChannel: 'C0ALERTS',
      sns: { allowedTopicArns: [testTopicArn] },
      // Lifecycle tests change one alert many times a minute; the storm test keeps Slack's real budget.
      lifecycle: { slackCallsPerAlertPerMinute: 20 },
      ...configDocument,
    },
    'test',
  );
  const klaxon = createKlaxon({
    config,
    logger: options.logDestination
      ? createLogger({ format: 'json', destination: options.logDestination })
      : createSilentLogger(),
    store,
    slack: {
      token: 'xoxb-test-token',
      signingSecret,
      apiUrl: slack.url,
      botIdentity: { teamId: 'T0KLAXON1', botId: 'B0KLAXONBOT', botUserId: 'U0KLAXONBOT' },
      ...(options.slackAppId ? { appId: options.slackAppId } : {}),
    },
    aws: testAwsClients(),
    fetchCertificate: async (url) => {
      certificateFetches.push(url);
      return signer.fetchCertificateWith()(url);
    },
    confirmSubscription: async ({ subscribeUrl }) => {
      confirmedUrls.push(subscribeUrl);
      return 'subscribe-url' as const;
    },
    commands: options.commands,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.drainLeaseMs ? { drainLeaseMs: options.drainLeaseMs } : {}),
    ...(options.timersInProcess === false ? { timersInProcess: false } : {}),
    // Enrichment tests name the lookups they answer; the others see no lookup replies in their threads.
    enrichers: options.enrichers ?? {},
    ...(options.enrichmentBudgetSignal ? { enrichmentBudgetSignal: options.enrichmentBudgetSignal } : {}),
    // Tests post many messages to one channel back to back; the storm test sets Slack's real pace.
    channelPace: options.channelPace ?? { intervalMs: 0, burst: 1 },
  });
  const url = await klaxon.listen(0);
  const storeCalls = recordStoreCalls(store);
  const writes = () =>
    storeCalls().filter((name) => /^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(name)).length;
  return {
    writes,
    storeCalls,
    url,
    klaxon,
    slack,
    store,
    signer,
    confirmedUrls,
    certificateFetches,
    async postSns(message, headers = {}) {
      const body = typeof message === 'string' ? message : JSON.stringify(message);
      const response = await fetch(`${url}/sns`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=UTF-8', ...headers },
        body,
      });
      return { status: response.status, body: (await response.json()) as { outcome?: string } };
    },
    async close() {
      await klaxon.close();
      await slack.close();
    },
  };
}

/**
 * One harness for the whole test file: started before its first test, closed after its last, with the fake
 * Slack emptied before each test. The returned object is filled in when the harness has started.
 */
export function useHarness(...args: Parameters<typeof startHarness>): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(...args));
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => h.slack.reset());
  return h;
}

export function testAwsClients(): AwsClients {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const make = (region: string): AwsClients => {
    const common = { region, credentials };
    return {
      cloudTrail: new CloudTrailClient(common),
      logs: new CloudWatchLogsClient(common),
      athena: new AthenaClient(common),
      glue: new GlueClient(common),
      emr: new EMRClient(common),
      // Unmocked, it would fail at once on a closed loopback port: nothing a test does reaches AWS.
      cloudWatch: new CloudWatchClient({ ...common, endpoint: 'http://127.0.0.1:9' }),
      in: (code) => (code === 'us-east-1' ? own : inRegion(code)),
      hasCredentials: async () => true,
    };
  };
  const own = make('us-east-1');
  const inRegion = cacheByRegion(own, make);
  return own;
}

function recordStoreCalls(store: KlaxonStore): () => string[] {
  const names: string[] = [];
  store.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordStoreCalls' },
  );
  return () => [...names];
}
