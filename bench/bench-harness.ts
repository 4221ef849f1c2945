import { randomUUID } from 'node:crypto';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { createKlaxon, type Klaxon } from '../src/app/create-klaxon.ts';
import type { AwsClients } from '../src/aws/aws-clients.ts';
import type { KlaxonConfig } from '../src/config/config-schema.ts';
import { parseConfig } from '../src/config/load-config.ts';
import type { EnrichmentRegistry } from '../src/core/enrich/look-up-enrichment.ts';
import { createSilentLogger } from '../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../src/sandbox/fake-slack-api.ts';
import { createSnsSigner, type SnsSigner } from '../src/sandbox/sns-signer.ts';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../src/store/dynamodb-local.ts';
import { type KlaxonStore, openStore } from '../src/store/open-store.ts';
import { findFreePort } from '../src/util/free-port.ts';

export const benchTopicArn = 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts';
export const benchChannel = 'C0ALERTS';
export const benchSigningSecret = 'bench-signing-secret-0123456789abcdef';
/** The fake Slack's own identity (its auth.test answer): a click must come from this workspace. */
export const benchBotIdentity = { teamId: 'T0KLAXON1', botId: 'B0KLAXONBOT', botUserId: 'U0KLAXONBOT' };

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
  capture(): SentCommand[];
  stopCapture(): void;
  /** Reads the same table through its own client, so polling is not counted with Klaxon's calls. */
  observer: KlaxonStore;
  close(): Promise<void>;
}

/** What signing and routing need: the pure path is measured with these alone, before anything starts. */
export function createBenchInputs(): Pick<BenchEnv, 'signer' | 'config'> {
  const config = parseConfig(
    { defaultChannel: benchChannel, sns: { allowedTopicArns: [benchTopicArn] } },
    'bench',
  );
  return { signer: createSnsSigner(), config };
}

export async function startBenchEnv(inputs = createBenchInputs()): Promise<BenchEnv> {
  const dynamo = await startDynamoDbLocal({ port: await findFreePort(), readyTimeoutMs: 60_000 });
  // Never leave the Java process behind, whatever way this process ends.
  const killDynamo = () => dynamo.process.kill('SIGKILL');
  process.once('exit', killDynamo);
  try {
    const slack = await startFakeSlackApi({ host: '127.0.0.1' });
    return {
      dynamo,
      slack,
      ...inputs,
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
  const observer = await openStore({ tableName, endpoint: env.dynamo.endpoint });
  return { store, observer, ...watchDynamoCalls(store) };
}

/** One DynamoDB command as the document client was asked to send it (before marshalling). */
export interface SentCommand {
  name: string;
  input: unknown;
}

/**
 * Counts commands at the `initialize` step: once per command sent, whatever the SDK retries below it.
 * `capture` keeps the inputs of the next commands, to replay exactly those calls in isolation.
 */
export function watchDynamoCalls(store: KlaxonStore) {
  const counts: Record<string, number> = {};
  let captured: SentCommand[] | undefined;
  store.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      counts[name] = (counts[name] ?? 0) + 1;
      captured?.push({ name, input: structuredClone(args.input) });
      return next(args);
    },
    { step: 'initialize', name: 'benchDynamoCallCounter' },
  );
  return {
    dynamoCalls: counts,
    capture(): SentCommand[] {
      captured = [];
      return captured;
    },
    stopCapture: () => {
      captured = undefined;
    },
  };
}

export async function startBenchKlaxon(
  env: BenchEnv,
  label: string,
  options: { enrichers?: EnrichmentRegistry<AwsClients> } = {},
): Promise<BenchKlaxon> {
  const { store, observer, dynamoCalls, capture, stopCapture } = await openBenchStore(env, label);
  const fetchCertificate = env.signer.fetchCertificateWith();
  const klaxon = createKlaxon({
    config: env.config,
    logger: createSilentLogger(),
    store,
    slack: {
      token: 'xoxb-bench-token',
      signingSecret: benchSigningSecret,
      apiUrl: env.slack.url,
      botIdentity: benchBotIdentity,
    },
    aws: loopbackAwsClients(),
    fetchCertificate,
    confirmSubscription: async () => undefined,
    // Slack's 1 post/s per channel is a product limit, not a cost: with it on, one channel's backlog would
    // be measured instead of the work a notification takes.
    channelPace: { intervalMs: 0, burst: 1 },
    // Off unless a scenario measures it: the other figures stay what they were before enrichment existed.
    enrichers: options.enrichers ?? {},
  });
  const url = await klaxon.listen(0, '127.0.0.1');
  for (const key of Object.keys(dynamoCalls)) delete dynamoCalls[key];
  return { url, klaxon, store, observer, dynamoCalls, capture, stopCapture, close: () => klaxon.close() };
}

/** Never called by the SNS path; pointed at a closed loopback port so nothing could leave the machine. */
function loopbackAwsClients(): AwsClients {
  const common = {
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  const clients: AwsClients = {
    cloudTrail: new CloudTrailClient(common),
    logs: new CloudWatchLogsClient(common),
    athena: new AthenaClient(common),
    glue: new GlueClient(common),
    emr: new EMRClient(common),
    cloudWatch: new CloudWatchClient(common),
    in: () => clients,
    hasCredentials: async () => false,
  };
  return clients;
}
