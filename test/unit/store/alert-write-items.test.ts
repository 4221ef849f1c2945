import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { describe, expect, it } from 'vitest';
import { AlertIndexPartitions, toAlertItem } from '../../../src/store/alert-items.ts';
import { createAlertWriteItems } from '../../../src/store/alert-write-items.ts';
import { createEntities } from '../../../src/store/entities.ts';
import { createDocumentClient, createKlaxonTable } from '../../../src/store/table.ts';
import { sampleRecord } from '../buttons/sample-record.ts';

// Never sent: the document client only gives the table its name and toolbox its client.
const table = createKlaxonTable({
  name: 'klaxon-items',
  documentClient: createDocumentClient({ endpoint: 'http://127.0.0.1:9' }),
});
const entities = createEntities(table);
const items = createAlertWriteItems(table, entities);
const at = '2026-11-30T07:00:00.000Z';

/** Toolbox's own item for the same input, its timestamps set to `at`. */
function toolboxItem(transaction: { params(): object }): Record<string, unknown> {
  const { Put } = transaction.params() as { Put: { Item: Record<string, unknown> } };
  return { ...Put.Item, _ct: at, _md: at };
}

describe('the items the notification path writes without toolbox', () => {
  it('are the items toolbox writes for an alert state, open with its drain lease and resolved without', () => {
    const alerts = entities.alertState.build(EntityRepository);
    const open = sampleRecord({ alertId: 'a-open' });
    const lease = { owner: 'drain:m-1', until: 1_796_000_000_000 };
    expect(items.alertState(open, lease, { expectedVersion: 0 }, at).Item).toEqual(
      toolboxItem(alerts.transactPut(toAlertItem(open, lease))),
    );
    const resolved = { ...sampleRecord({ alertId: 'a-done' }), status: 'resolved' as const, outbox: [] };
    const item = items.alertState(resolved, undefined, { expectedVersion: 3 }, at).Item;
    expect(item).toEqual(toolboxItem(alerts.transactPut(toAlertItem(resolved))));
    expect(item).not.toHaveProperty('gsi1pk');
    expect(items.alertState(open, undefined, { expectedVersion: 1 }, at).Item).toMatchObject({
      gsi1pk: AlertIndexPartitions.open,
      pk: 'ALERT#a-open',
      sk: '#STATE',
    });
  });

  it("are the items toolbox writes for a delivery's dedupe record and a history event", () => {
    const delivery = { messageId: 'm-1', alertId: 'a-1', receivedAt: at, expiresAt: 1_796_604_800 };
    expect(items.delivery(delivery, at).Item).toEqual(
      toolboxItem(entities.notification.build(EntityRepository).transactPut(delivery)),
    );
    const event = { alertId: 'a-1', eventSk: `EVENT#${at}#m-1`, expiresAt: 1_798_000_000, record: '{}' };
    expect(items.event(event, at).Item).toEqual(
      toolboxItem(entities.alertEvent.build(EntityRepository).transactPut(event)),
    );
  });

  it('states each condition on the attributes toolbox would', () => {
    const open = sampleRecord({ alertId: 'a-1' });
    expect(items.alertState(open, undefined, { expectedVersion: 0, drainFreeAt: 5 }, at)).toMatchObject({
      ConditionExpression:
        'attribute_not_exists(#alertId) AND (attribute_not_exists(#drainOwner) OR #drainUntil < :drainFreeAt)',
      ExpressionAttributeValues: { ':drainFreeAt': 5 },
    });
    expect(items.alertState(open, undefined, { expectedVersion: 4, drainOwner: 'me' }, at)).toMatchObject({
      ConditionExpression: '#version = :version AND #drainOwner = :drainOwner',
      ExpressionAttributeNames: { '#version': 'version', '#drainOwner': 'drainOwner' },
      ExpressionAttributeValues: { ':version': 4, ':drainOwner': 'me' },
    });
    expect(items.alertState(open, undefined, { expectedVersion: 4, drainUntil: 9 }, at)).toMatchObject({
      ConditionExpression: '#version = :version AND #drainUntil = :drainUntil',
      ExpressionAttributeValues: { ':version': 4, ':drainUntil': 9 },
    });
    expect(items.delivery({ messageId: 'm', alertId: 'a', receivedAt: at, expiresAt: 1 }, at)).toMatchObject({
      ConditionExpression: 'attribute_not_exists(#messageId)',
      ExpressionAttributeNames: { '#messageId': 'messageId' },
    });
  });
});
