import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAlertStore } from './alert-store.ts';
import { createAuditStore } from './audit-store.ts';
import { createEntities } from './entities.ts';
import { createMuteStore } from './mute-store.ts';
import { createRerunLockStore } from './rerun-lock-store.ts';
import { createSilenceStore } from './silence-store.ts';
import { createDocumentClient, createKlaxonTable, ensureTableExists } from './table.ts';

export interface StoreOptions {
  tableName: string;
  endpoint?: string;
  region?: string;
  createTable?: boolean;
}

/** Wires the document client, table, entities and store operations; the one place that does. */
export async function openStore(options: StoreOptions) {
  const documentClient = createDocumentClient({ endpoint: options.endpoint, region: options.region });
  if (options.createTable) await ensureTableExists(documentClient, options.tableName);
  return buildStore(documentClient, options.tableName);
}

export function buildStore(documentClient: DynamoDBDocumentClient, tableName: string) {
  const table = createKlaxonTable({ name: tableName, documentClient });
  const entities = createEntities(table);
  return {
    documentClient,
    table,
    entities,
    alerts: createAlertStore(table, entities),
    audit: createAuditStore(table, entities),
    mutes: createMuteStore(table, entities),
    rerunLocks: createRerunLockStore(entities),
    silences: createSilenceStore(table, entities),
  };
}
export type KlaxonStore = ReturnType<typeof buildStore>;
