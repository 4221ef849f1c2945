import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';

/**
 * One table for everything. Key patterns (pk / sk):
 *   ALERT#<alertId> / #STATE           an alert's lifecycle, its outbox and its drain lease (gsi1: ALERTS#open /
 *                                      <lastFiredAt> while open; ALERTS#outbox / <resolvedAt> while resolved with
 *                                      Slack steps still in its outbox; none otherwise)
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

/** Creates the table if it is missing (local runs and tests; production tables come from CDK). */
export async function ensureTableExists(documentClient: DynamoDBDocumentClient, name: string) {
  // The document client shares its middleware stack with the plain client, so table commands go through it.
  const client = documentClient as unknown as DynamoDBClient;
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((n) => ({
        AttributeName: n,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}
