import { readFileSync } from 'node:fs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { KlaxonStore } from '../../src/store/open-store.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const clock = createFakeClock(Date.now());
// No timers: only the sweep drains, as on Lambda.
const h = useHarness({}, { clock, timersInProcess: false });
const minute = 60_000;

function alarm(name: string) {
  const base = JSON.parse(readFileSync('test/fixtures/cloudwatch/alarm-single-metric.json', 'utf8'));
  return { ...base, AlarmName: name, AlarmArn: `${base.AlarmArn}-${name}`, NewStateValue: 'ALARM' };
}

/** Each Query of alerts the store sends from now on: which index partition it read, and how many came back. */
function recordQueries(store: KlaxonStore) {
  const queries: Array<{ partition: string; items: number }> = [];
  store.documentClient.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const input = args.input as { KeyConditionExpression?: string; ExpressionAttributeValues?: object };
      if (input.KeyConditionExpression) {
        // Mutes, silences and windows have their own sweeps and partitions.
        const partition = /ALERTS#\w+/.exec(JSON.stringify(input.ExpressionAttributeValues))?.[0];
        if (partition) queries.push({ partition, items: (result.output as { Count?: number }).Count ?? 0 });
      }
      return result;
    },
    { step: 'initialize', name: `queryRecorder${Math.random()}` },
  );
  return {
    since(from: number) {
      return queries.slice(from);
    },
    get length() {
      return queries.length;
    },
  };
}

async function refusedAlert(name: string) {
  // Slack fails the post and its retries, so the step stays in the alert's outbox.
  h.slack.failNext('chat.postMessage', { status: 500 }, 3);
  expect((await h.postSns(h.signer.notification(testTopicArn, alarm(name)))).status).toBe(503);
  const record = (await h.store.alerts.listOpenAlerts(500)).find((r) => r.alert.name === name);
  if (!record) throw new Error(`${name} was not recorded`);
  return record.alertId;
}

const postsAbout = (name: string) =>
  h.slack.messages('C0ALERTS').filter((m) => JSON.stringify(m.blocks).includes(name));

describe('the once-a-minute sweep reads the alerts that have work, not every open one', () => {
  it('finds a post Slack refused among quiet open alerts through the wake index alone', async () => {
    // Prepare: the first sweep of a process reads everything; then 20 quiet alerts and one refused post.
    expect((await h.klaxon.core.sweep()).scope).toBe('full');
    for (let i = 0; i < 20; i++) {
      expect((await h.postSns(h.signer.notification(testTopicArn, alarm(`Quiet-${i}`)))).status).toBe(200);
    }
    await refusedAlert('Refused-CPU');
    const queries = recordQueries(h.store);
    clock.advance(2 * minute);

    // Act: a sweep while Slack still refuses, one once it answers, and one with nothing left
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    const failed = await h.klaxon.core.sweep();
    const afterFailed = queries.length;
    const delivered = await h.klaxon.core.sweep();
    const afterDelivered = queries.length;
    const idle = await h.klaxon.core.sweep();

    // Assess: each read only the wake index, and only the alert with work was in it
    expect([failed.scope, delivered.scope, idle.scope]).toEqual(['wake', 'wake', 'wake']);
    expect(failed).toMatchObject({ outboxesFailed: 1, outboxesDrained: 0 });
    expect(failed.oldestPendingSeconds).toBeGreaterThanOrEqual(120);
    expect(queries.since(0).slice(0, afterFailed)).toEqual([
      { partition: 'ALERTS#wake', items: 1 },
      { partition: 'ALERTS#wake', items: 1 },
    ]);
    expect(delivered.outboxesDrained).toBe(1);
    expect(queries.since(afterFailed).slice(0, afterDelivered - afterFailed)).toEqual([
      { partition: 'ALERTS#wake', items: 1 },
      { partition: 'ALERTS#wake', items: 1 },
    ]);
    expect(idle).toMatchObject({ outboxesDrained: 0, outboxesFailed: 0, oldestPendingSeconds: 0 });
    expect(queries.since(afterDelivered)).toEqual([
      { partition: 'ALERTS#wake', items: 0 },
      { partition: 'ALERTS#wake', items: 0 },
    ]);
    expect(postsAbout('Refused-CPU')).toHaveLength(1);
  });

  it('still finishes work an older Klaxon left on an item without a wake key, on the hourly full pass', async () => {
    // Prepare: a refused post whose state item is rewritten as a Klaxon without the index wrote it.
    await h.klaxon.core.sweep();
    const alertId = await refusedAlert('Old-CPU');
    const TableName = h.store.table.getName();
    const Key = { pk: `ALERT#${alertId}`, sk: '#STATE' };
    const { Item } = await h.store.documentClient.send(new GetCommand({ TableName, Key }));
    const { gsi2pk: _pk, gsi2sk: _sk, ...older } = Item!;
    await h.store.documentClient.send(new PutCommand({ TableName, Item: older }));
    clock.advance(2 * minute);

    // Act
    const beforeTheHour = await h.klaxon.core.sweep();
    const postedBeforeTheHour = postsAbout('Old-CPU').length;
    clock.advance(60 * minute);
    const onTheHour = await h.klaxon.core.sweep();

    // Assess
    expect(beforeTheHour.scope).toBe('wake');
    expect(postedBeforeTheHour).toBe(0);
    expect(onTheHour.scope).toBe('full');
    expect(postsAbout('Old-CPU')).toHaveLength(1);
    const stored = await h.store.alerts.loadAlert(alertId);
    expect(stored.record?.outbox).toEqual([]);
  });
});
