import type { AlertRecord, DrainLease } from '../model/records.ts';
import { toAlertItem } from './alert-items.ts';
import { alertEventKey, alertStateKey, type KlaxonEntities, notificationKey } from './entities.ts';
import type { KlaxonTable } from './table.ts';

/** A PutItem's input in the document client's form: what a TransactWriteItems `Put` and a PutCommand take. */
export interface PutInput {
  TableName: string;
  Item: Record<string, unknown>;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** What an alert state write requires of the stored state: its version, and the drain lease free or held. */
export interface AlertWriteCondition {
  /** 0: no state stored yet. */
  expectedVersion: number;
  /** Nobody holds the drain lease, or its holder let it run out before this epoch ms. */
  drainFreeAt?: number;
  /** The drain lease is still this owner's. */
  drainOwner?: string;
  /**
   * The lease written back is the one stored, not renewed since it was read: a renewal does not change the
   * version, and writing the older end back would shorten a live drain's lease.
   */
  drainUntil?: number;
}

/**
 * The three items every notification writes (its delivery's dedupe record, the alert's state, its history
 * event) and the drain's completion, built straight as document client input. dynamodb-toolbox builds an
 * item by walking the entity schema through generators, about 60 µs a put, which was a fifth of a new
 * alert's CPU beside its calls; these are the same items, attribute for attribute, with toolbox's entity name
 * and timestamps (alert-write-items.test.ts compares them with toolbox's own), so every other read and
 * write still goes through the entities.
 */
export function createAlertWriteItems(table: KlaxonTable, entities: KlaxonEntities) {
  const TableName = table.getName();
  const names = {
    alertState: entities.alertState.entityName,
    notification: entities.notification.entityName,
    alertEvent: entities.alertEvent.entityName,
  };
  /** Toolbox's item metadata: the entity (`_et`), created (`_ct`) and modified (`_md`); a put sets both. */
  const withMeta = (entity: string, attributes: Record<string, unknown>, at: string) => ({
    ...attributes,
    _et: entity,
    _ct: at,
    _md: at,
  });

  return {
    delivery(
      delivery: { messageId: string; alertId: string; receivedAt: string; expiresAt: number },
      at: string,
    ): PutInput {
      return {
        TableName,
        Item: { ...withMeta(names.notification, delivery, at), ...notificationKey(delivery) },
        // First delivery wins.
        ConditionExpression: 'attribute_not_exists(#messageId)',
        ExpressionAttributeNames: { '#messageId': 'messageId' },
      };
    },

    alertState(
      record: AlertRecord,
      drain: DrainLease | undefined,
      condition: AlertWriteCondition,
      at: string,
    ): PutInput {
      const item = toAlertItem(record, drain);
      return {
        TableName,
        Item: { ...withMeta(names.alertState, item, at), ...alertStateKey(item) },
        ...alertStateCondition(condition),
      };
    },

    event(
      event: { alertId: string; eventSk: string; expiresAt: number; record: string },
      at: string,
    ): PutInput {
      return { TableName, Item: { ...withMeta(names.alertEvent, event, at), ...alertEventKey(event) } };
    },
  };
}
export type AlertWriteItems = ReturnType<typeof createAlertWriteItems>;

function alertStateCondition(condition: AlertWriteCondition) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  /** One clause: `#name` stands for each attribute it reads, `:name` for the value it compares with. */
  const add = (clause: string, attributes: string[], value?: [string, unknown]) => {
    parts.push(clause);
    for (const attribute of attributes) names[`#${attribute}`] = attribute;
    if (value) values[`:${value[0]}`] = value[1];
  };
  const { expectedVersion, drainFreeAt, drainOwner, drainUntil } = condition;
  if (expectedVersion === 0) add('attribute_not_exists(#alertId)', ['alertId']);
  else add('#version = :version', ['version'], ['version', expectedVersion]);
  if (drainFreeAt !== undefined) {
    const free = '(attribute_not_exists(#drainOwner) OR #drainUntil < :drainFreeAt)';
    add(free, ['drainOwner', 'drainUntil'], ['drainFreeAt', drainFreeAt]);
  }
  if (drainOwner !== undefined) add('#drainOwner = :drainOwner', ['drainOwner'], ['drainOwner', drainOwner]);
  if (drainUntil !== undefined) add('#drainUntil = :drainUntil', ['drainUntil'], ['drainUntil', drainUntil]);
  return {
    ConditionExpression: parts.join(' AND '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
