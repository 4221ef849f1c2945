import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';

/**
 * One table for everything. Key patterns (pk / sk):
 *   ALERT#<alertId> / #STATE           an alert's lifecycle, its outbox and its drain lease (gsi1: ALERTS#open /
 *                                      <lastFiredAt> while open; ALERTS#outbox / <resolvedAt> while resolved with
 *                                      Slack steps still in its outbox; none otherwise) (gsi2: ALERTS#wake /
 *                                      <when its next step or reminder is due> while it has one: what the sweep reads)
 *   ALERT#<alertId> / #MUTE            its mute (gsi1: MUTES / <until>), read together with #STATE in one batch
 *   ALERT#<alertId> / EVENT#<time>#<messageId>   every notification received (TTL)
 *   NOTIF#<messageId> / NOTIF          delivery dedupe, committed with the change it caused (TTL one week)
 *   SLACKREQ#<key> / SEEN              a Slack request already handled (TTL a little beyond Slack's 5 minutes)
 *   RERUN#<jobName>#<jobRunId> / LOCK  one rerun per failed Glue run
 *   AUDIT#<yyyy-mm-dd> / <time>#<id>   audit trail, read by day partitions (gsi1: AUDIT#<userId> / <time>)
 *   TOPIC#<topicArn> / <time>          subscription and unsubscription confirmations
 *   SILENCE#<id> / #SILENCE            a silence (gsi1: SILENCES / <endsAt> while active) or a window's ended opening
 *   SILENCE#<id> / HIT#<alertId>       what the silence held back from one alert, counted in the alert's commit
 *   SILENCES / #ACTIVE                 every active silence in one item, read in the alert's BatchGetItem
 * `expiresAt` (epoch seconds) is the TTL attribute; code honours expiry by reading it, since DynamoDB
 * deletes expired items lazily and DynamoDB Local never does.
 */
export function createKlaxonTable(options: { name: string; documentClient: DynamoDBDocumentClient }) {
  return new Table({
    name: options.name,
    documentClient: options.documentClient,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: {
        type: 'global',
        partitionKey: { name: 'gsi1pk', type: 'string' },
        sortKey: { name: 'gsi1sk', type: 'string' },
      },
      gsi2: {
        type: 'global',
        partitionKey: { name: 'gsi2pk', type: 'string' },
        sortKey: { name: 'gsi2sk', type: 'string' },
      },
    },
  });
}
export type KlaxonTable = ReturnType<typeof createKlaxonTable>;

/**
 * DynamoDB Local keeps one database per access key + region pair, so every process talking to a local
 * endpoint (server, `klaxon audit export`, tests) uses these fixed values, whatever AWS_REGION says.
 */
export const localEndpointIdentity = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

export function createDocumentClient(options: { endpoint?: string; region?: string; timeoutMs?: number }) {
  const client = new DynamoDBClient({
    ...(options.endpoint
      ? { endpoint: options.endpoint, ...localEndpointIdentity }
      : { region: options.region ?? process.env.AWS_REGION ?? 'us-east-1' }),
    maxAttempts: 3,
    requestHandler: { requestTimeout: options.timeoutMs ?? 3000, connectionTimeout: 2000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
}

/**
 * gsi1 lists whole items. gsi2, the wake index, holds keys only: an alert enters it with each commit that
 * owes Slack a step and leaves it at the drain's completion, so a copy of the whole item there would double
 * what every new alert writes; the sweep reads the few records it names by key.
 */
const indexProjections = { gsi1: 'ALL', gsi2: 'KEYS_ONLY' } as const;
const indexNames = Object.keys(indexProjections) as Array<keyof typeof indexProjections>;
const globalIndex = (name: keyof typeof indexProjections): GlobalSecondaryIndex => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: `${name}pk`, KeyType: 'HASH' },
    { AttributeName: `${name}sk`, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: indexProjections[name] },
});
const attributeDefinitions = (names: string[]) =>
  names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));

/**
 * Creates the table if it is missing, and adds an index a table made by an older Klaxon lacks (local runs
 * and tests; production tables come from CDK). Items written before an index existed are not in it: the
 * sweep's hourly full pass finds their work (app/create-sweep-service.ts).
 */
export async function ensureTableExists(documentClient: DynamoDBDocumentClient, name: string) {
  // The document client shares its middleware stack with the plain client, so table commands go through it.
  const client = documentClient as unknown as DynamoDBClient;
  let table: TableDescription | undefined;
  try {
    ({ Table: table } = await client.send(new DescribeTableCommand({ TableName: name })));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  if (!table) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions([
          'pk',
          'sk',
          ...indexNames.flatMap((n) => [`${n}pk`, `${n}sk`]),
        ]),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexNames.map(globalIndex),
      }),
    );
    return;
  }
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  // DynamoDB adds one index per UpdateTable.
  for (const missing of indexNames.filter((index) => !present.has(index))) {
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions([`${missing}pk`, `${missing}sk`]),
        GlobalSecondaryIndexUpdates: [{ Create: globalIndex(missing) }],
      }),
    );
    await waitForActiveIndex(client, name, missing);
  }
}

/** A new index takes writes only once it is built (DynamoDB Local too, on a busy machine). */
async function waitForActiveIndex(client: DynamoDBClient, tableName: string, indexName: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE' && Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) {
      throw new Error(`index ${indexName} of table ${tableName} is still ${index?.IndexStatus ?? 'missing'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
