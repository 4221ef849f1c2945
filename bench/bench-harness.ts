import { randomUUID } from 'node:crypto';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';
import { createKlaxon, type Klaxon } from '../src/app/create-klaxon.ts';
import type { AwsClients } from '../src/aws/aws-clients.ts';
import type { KlaxonConfig } from '../src/config/config-schema.ts';
import { parseConfig } from '../src/config/load-config.ts';
import { createSilentLogger } from '../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../src/sandbox/fake-slack-api.ts';
import { createSnsSigner, type SnsSigner } from '../src/sandbox/sns-signer.ts';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../src/store/dynamodb-local.ts';
import { type KlaxonStore, openStore } from '../src/store/open-store.ts';
import { findFreePort } from '../src/util/free-port.ts';

export const benchTopicArn = 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts';
export const benchChannel = 'C0ALERTS';

/** What every scenario shares: one DynamoDB Local process, one fake Slack, one SNS signing key. */
export interface BenchEnv {
  dynamo: RunningDynamoDbLocal;
  slack: FakeSlackApi;
  signer: SnsSigner;
  config: KlaxonConfig;
  close(): Promise<void>;
}

/** One Klaxon, as the composition root builds it, on its own fresh table. */
export interface BenchKlaxon {
  url: string;
  klaxon: Klaxon;
  store: KlaxonStore;
  /** DynamoDB commands sent through the store's client since start (or the last reset), by command name. */
  dynamoCalls: Record<string, number>;
  close(): Promise<void>;
}

export async function startBenchEnv(): Promise<BenchEnv> {
  const dynamo = await startDynamoDbLocal({ port: await findFreePort(), readyTimeoutMs: 60_000 });
  // Never leave the Java process behind, whatever way this process ends.
  const killDynamo = () => dynamo.process.kill('SIGKILL');
  process.once('exit', killDynamo);
  try {
    const slack = await startFakeSlackApi({ host: '127.0.0.1' });
    const config = parseConfig(
      { defaultChannel: benchChannel, sns: { allowedTopicArns: [benchTopicArn] } },
      'bench',
    );
    return {
      dynamo,
      slack,
      signer: createSnsSigner(),
      config,
      async close() {
        await slack.close().catch(() => undefined);
        await dynamo.stop();
        process.off('exit', killDynamo);
      },
    };
  } catch (error) {
    killDynamo();
    throw error;
  }
}

export async function openBenchStore(env: BenchEnv, label: string) {
  const tableName = `klaxon-bench-${label}-${randomUUID().slice(0, 8)}`;
  const store = await openStore({ tableName, endpoint: env.dynamo.endpoint, createTable: true });
  return { store, dynamoCalls: countDynamoCalls(store) };
}

/** Counts commands at the `initialize` step: once per command sent, whatever the SDK retries below it. */
export function countDynamoCalls(store: KlaxonStore): Record<string, number> {
  const counts: Record<string, number> = {};
  store.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      counts[name] = (counts[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchDynamoCallCounter' },
  );
  return counts;
}

export async function startBenchKlaxon(env: BenchEnv, label: string): Promise<BenchKlaxon> {
  const { store, dynamoCalls } = await openBenchStore(env, label);
  const fetchCertificate = env.signer.fetchCertificateWith();
  const klaxon = createKlaxon({
    config: env.config,
    logger: createSilentLogger(),
    store,
    slack: {
      token: 'xoxb-bench-token',
      signingSecret: 'bench-signing-secret-0123456789abcdef',
      apiUrl: env.slack.url,
      botIdentity: { teamId: 'T0KLAXON1', botId: 'B0KLAXONBOT', botUserId: 'U0KLAXONBOT' },
    },
    aws: loopbackAwsClients(),
    fetchCertificate,
    confirmSubscription: async () => undefined,
  });
  const url = await klaxon.listen(0, '127.0.0.1');
  for (const key of Object.keys(dynamoCalls)) delete dynamoCalls[key];
  return { url, klaxon, store, dynamoCalls, close: () => klaxon.close() };
}

/** Never called by the SNS path; pointed at a closed loopback port so nothing could leave the machine. */
function loopbackAwsClients(): AwsClients {
  const common = {
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  return {
    cloudTrail: new CloudTrailClient(common),
    logs: new CloudWatchLogsClient(common),
    athena: new AthenaClient(common),
    glue: new GlueClient(common),
    hasCredentials: async () => false,
  };
}
