import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AlertRecord } from '../../src/model/records.ts';
import { type KlaxonStore, openStore } from '../../src/store/open-store.ts';
import { StoredRecordError } from '../../src/store/record-schemas.ts';
import { createDocumentClient } from '../../src/store/table.ts';
import { openTestStore, sweepCandidates } from '../helpers/test-store.ts';
import { sampleRecord } from '../unit/buttons/sample-record.ts';

let store: KlaxonStore;
beforeAll(async () => {
  store = await openTestStore();
});

const fresh = (alertId: string, version = 1): AlertRecord => ({ ...sampleRecord({ alertId }), version });
const delivery = (messageId: string) => ({ messageId, receivedAt: new Date().toISOString(), expiresAt: 2e9 });
const lease = (owner: string, until = Date.now() + 10_000) => ({ owner, until });

describe('alert store on DynamoDB Local', () => {
  it('commits a first delivery with its alert, and refuses the same MessageId twice', async () => {
    const first = {
      alertId: 'a1',
      expectedVersion: 0,
      change: { next: fresh('a1'), steps: [] },
      delivery: delivery('m1'),
    };
    expect(await store.alerts.commit(first)).toBe('committed');
    expect(await store.alerts.commit({ ...first, expectedVersion: 1 })).toBe('duplicate');
    expect(await store.alerts.loadForDelivery('a1', 'm1')).toMatchObject({
      delivered: true,
      record: { version: 1 },
    });
  });

  it('lets only one of two concurrent decisions on the same version commit', async () => {
    const commit = (messageId: string) =>
      store.alerts.commit({
        alertId: 'a2',
        expectedVersion: 0,
        change: { next: fresh('a2'), steps: [] },
        delivery: delivery(messageId),
      });
    expect((await Promise.all([commit('m2'), commit('m3')])).sort()).toEqual(['committed', 'conflict']);
  });

  it('grants the drain lease to one claimant, keeps it through other commits, and releases it on completion', async () => {
    await store.alerts.commit({
      alertId: 'a3',
      expectedVersion: 0,
      change: { next: fresh('a3'), steps: [] },
    });
    const now = Date.now();
    const claims = await Promise.all(['x', 'y'].map((o) => store.alerts.claimDrain('a3', lease(o), now, 1)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const { record, drain } = await store.alerts.loadAlert('a3');
    expect(record?.version).toBe(2);
    const owner = drain!.owner;

    // Someone commits while the drain runs: the lease stays with its owner.
    const next = { ...record!, version: 3, timesFired: 9 };
    expect(
      await store.alerts.commit({
        alertId: 'a3',
        expectedVersion: 2,
        change: { next, steps: [] },
        keepDrain: drain!,
      }),
    ).toBe('committed');
    expect((await store.alerts.loadAlert('a3')).drain?.owner).toBe(owner);

    // The drain's completion on a stale version fails; on the current one it releases the lease.
    expect(await store.alerts.completeDrain({ ...next, version: 3 }, 2, owner)).toBe(false);
    expect(await store.alerts.completeDrain({ ...next, version: 4 }, 3, 'someone-else')).toBe(false);
    expect(await store.alerts.completeDrain({ ...next, version: 4 }, 3, owner)).toBe(true);
    expect((await store.alerts.loadAlert('a3')).drain).toBeUndefined();
  });

  it('refuses a commit that would write back a lease renewed since it was read (a conflict: read again)', async () => {
    await store.alerts.commit({
      alertId: 'a9',
      expectedVersion: 0,
      change: { next: fresh('a9'), steps: [] },
    });
    const now = Date.now();
    expect(await store.alerts.claimDrain('a9', lease('drainer', now + 10_000), now, 1)).toBe(true);
    const read = await store.alerts.loadAlert('a9');
    expect(await store.alerts.renewDrain('a9', lease('drainer', now + 40_000))).toBe(true);
    const next = { ...read.record!, version: 3, timesFired: 2 };
    const stale = { alertId: 'a9', expectedVersion: 2, change: { next, steps: [] }, keepDrain: read.drain! };
    expect(await store.alerts.commit(stale)).toBe('conflict');
    expect((await store.alerts.loadAlert('a9')).drain?.until).toBe(now + 40_000);
    const current = (await store.alerts.loadAlert('a9')).drain!;
    expect(await store.alerts.commit({ ...stale, keepDrain: current })).toBe('committed');
  });

  it('lets a lease that ran out be claimed by another drain, and renews only its owner’s', async () => {
    await store.alerts.commit({
      alertId: 'a4',
      expectedVersion: 0,
      change: { next: fresh('a4'), steps: [] },
    });
    const now = Date.now();
    expect(await store.alerts.claimDrain('a4', lease('dead', now - 1), now - 10, 1)).toBe(true);
    expect(await store.alerts.renewDrain('a4', lease('other'))).toBe(false);
    expect(await store.alerts.claimDrain('a4', lease('alive'), now, 2)).toBe(true);
    expect(await store.alerts.renewDrain('a4', lease('alive', now + 20_000))).toBe(true);
  });

  it('stores a payload nested deeper than DynamoDB’s 32 levels, as text', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = { level: deep };
    const next = { ...fresh('a5'), alert: { ...fresh('a5').alert, raw: deep } };
    expect(
      await store.alerts.commit({ alertId: 'a5', expectedVersion: 0, change: { next, steps: [] } }),
    ).toBe('committed');
    expect((await store.alerts.loadAlert('a5')).record?.alert.raw).toEqual(deep);
  });

  it('refuses to read a stored alert that is not what the code expects', async () => {
    const broken = { ...fresh('a6'), status: 'sideways' } as unknown as AlertRecord;
    await store.alerts.commit({ alertId: 'a6', expectedVersion: 0, change: { next: broken, steps: [] } });
    await expect(store.alerts.loadAlert('a6')).rejects.toBeInstanceOf(StoredRecordError);
  });

  it('lists open alerts, and resolved ones only while their outbox holds steps', async () => {
    const resolved = { ...fresh('a7'), status: 'resolved' as const, resolvedAt: new Date().toISOString() };
    const waiting = {
      ...resolved,
      alertId: 'a8',
      outbox: [{ seq: 1, step: { kind: 'update-root' as const }, createdAt: 1 }],
    };
    await store.alerts.commit({ alertId: 'a7', expectedVersion: 0, change: { next: resolved, steps: [] } });
    await store.alerts.commit({ alertId: 'a8', expectedVersion: 0, change: { next: waiting, steps: [] } });
    expect((await store.alerts.listOpenAlerts()).map((r) => r.alertId)).toContain('a1');
    const swept = (await sweepCandidates(store)).map((r) => r.alertId);
    expect(swept).toContain('a8');
    expect(swept).not.toContain('a7');
  });

  it('hands a sweep every open alert, then every resolved one with steps, a page at a time', async () => {
    // Prepare: a store of its own, so only these alerts are in the index.
    const own = await openTestStore();
    const firedAt = (minute: number) => new Date(Date.UTC(2026, 10, 30, 4, minute)).toISOString();
    for (let i = 0; i < 5; i++) {
      const next = { ...fresh(`open-${i}`), lastFiredAt: firedAt(i) };
      await own.alerts.commit({ alertId: next.alertId, expectedVersion: 0, change: { next, steps: [] } });
    }
    const waiting = {
      ...fresh('resolved-waiting'),
      status: 'resolved' as const,
      resolvedAt: firedAt(9),
      outbox: [{ seq: 1, step: { kind: 'update-root' as const }, createdAt: 1 }],
    };
    await own.alerts.commit({
      alertId: waiting.alertId,
      expectedVersion: 0,
      change: { next: waiting, steps: [] },
    });

    // Act
    const pages: string[][] = [];
    for await (const page of own.alerts.pagesToSweep(2)) pages.push(page.map((r) => r.alertId));
    const open: string[] = [];
    for await (const page of own.alerts.openAlertPages(3)) open.push(...page.map((r) => r.alertId));

    // Assess
    expect(pages).toEqual([['open-4', 'open-3'], ['open-2', 'open-1'], ['open-0'], ['resolved-waiting']]);
    expect(open).toEqual(['open-4', 'open-3', 'open-2', 'open-1', 'open-0']);
  });
});

describe('a table an older Klaxon created', () => {
  it('gets the wake index when Klaxon opens it, and lists there what has work', async () => {
    // Prepare: a table as the first version made it, with gsi1 only.
    const tableName = `klaxon-test-older-${Date.now()}`;
    const older = createDocumentClient({ endpoint: inject('dynamoEndpoint') }) as unknown as DynamoDBClient;
    await older.send(
      new CreateTableCommand({
        TableName: tableName,
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

    // Act
    const upgraded = await openStore({ tableName, endpoint: inject('dynamoEndpoint'), createTable: true });
    const waiting = {
      ...fresh('w1'),
      outbox: [{ seq: 1, step: { kind: 'update-root' as const }, createdAt: 1 }],
    };
    await upgraded.alerts.commit({ alertId: 'w1', expectedVersion: 0, change: { next: waiting, steps: [] } });
    await upgraded.alerts.commit({
      alertId: 'q1',
      expectedVersion: 0,
      change: { next: fresh('q1'), steps: [] },
    });

    // Assess
    const { Table } = await older.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    const woken: string[] = [];
    for await (const page of upgraded.alerts.wakePages()) woken.push(...page.map((r) => r.alertId));
    expect(woken).toEqual(['w1']);
  });
});
