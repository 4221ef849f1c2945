import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Settings } from '../config/load-settings.ts';
import type { Logger } from '../observability/logger.ts';
import { startDynamoDbLocal } from '../store/dynamodb-local.ts';
import { type KlaxonStore, openStore } from '../store/open-store.ts';
import { findFreePort } from '../util/free-port.ts';

/**
 * The store a process runs on: DynamoDB Local started here (embedded default, data kept in a file under
 * KLAXON_DATA_DIR so alerts survive a restart), a given endpoint, or DynamoDB itself.
 */
export async function resolveStore(
  settings: Settings,
  logger: Logger,
): Promise<{ store: KlaxonStore; stop: () => Promise<void>; endpoint?: string }> {
  if (settings.storeMode === 'aws') {
    const store = await openStore({ tableName: settings.tableName, region: settings.awsRegion });
    return { store, stop: async () => undefined };
  }
  if (settings.storeMode === 'endpoint') {
    const store = await openStore({
      tableName: settings.tableName,
      endpoint: settings.dynamoDbEndpoint,
      createTable: true,
    });
    return { store, stop: async () => undefined, endpoint: settings.dynamoDbEndpoint };
  }
  const path = resolve(settings.dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const local = await startDynamoDbLocal({ port: await findFreePort(), path });
  // The pid lets an operator (and the start-up tests) see that no Java process outlives Klaxon.
  logger.info(
    { endpoint: local.endpoint, path, dynamoDbLocalPid: local.process.pid },
    'started embedded DynamoDB Local',
  );
  try {
    const store = await openStore({
      tableName: settings.tableName,
      endpoint: local.endpoint,
      createTable: true,
    });
    return { store, stop: local.stop, endpoint: local.endpoint };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
