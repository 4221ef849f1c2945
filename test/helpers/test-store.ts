import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { AlertRecord } from '../../src/model/records.ts';
import { type KlaxonStore, openStore } from '../../src/store/open-store.ts';

/** A fresh table in the shared DynamoDB Local, so test files never see each other's items. */
export async function openTestStore() {
  const tableName = `klaxon-test-${randomUUID().slice(0, 8)}`;
  return openStore({ tableName, endpoint: inject('dynamoEndpoint'), createTable: true });
}

/** Every alert a sweep looks at (each open one, then each resolved one with Slack steps left), all pages. */
export async function sweepCandidates(store: KlaxonStore): Promise<AlertRecord[]> {
  const records: AlertRecord[] = [];
  for await (const page of store.alerts.pagesToSweep()) records.push(...page);
  return records;
}
