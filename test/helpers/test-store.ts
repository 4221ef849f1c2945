import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';

/** A fresh table in the shared DynamoDB Local, so test files never see each other's items. */
export async function openTestStore() {
  const tableName = `klaxon-test-${randomUUID().slice(0, 8)}`;
  return openStore({ tableName, endpoint: inject('dynamoEndpoint'), createTable: true });
}
