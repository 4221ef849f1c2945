import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { KlaxonTable } from './table.ts';

/**
 * Entities keep their records as JSON strings validated on read (record-schemas.ts); the entity's job is
 * keys, indexes, TTL and conditions.
 */
export function createEntities(table: KlaxonTable) {
  const alertState = new Entity({
    name: 'AlertState',
    table,
    schema: item({
      alertId: string().key(),
      version: number(),
      status: string(),
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
      // The drain lease lives beside the record so renewing it never bumps the version (alert-store.ts).
      drainOwner: string().optional(),
      drainUntil: number().optional(),
      record: string(),
    }),
    computeKey: ({ alertId }) => ({ pk: `ALERT#${alertId}`, sk: '#STATE' }),
  });

  const mute = new Entity({
    name: 'Mute',
    table,
    schema: item({
      alertId: string().key(),
      gsi1pk: string(),
      gsi1sk: string(),
      expiresAt: number().optional(),
      record: string(),
    }),
    computeKey: ({ alertId }) => ({ pk: `ALERT#${alertId}`, sk: '#MUTE' }),
  });

  const alertEvent = new Entity({
    name: 'AlertEvent',
    table,
    schema: item({
      alertId: string().key(),
      eventSk: string().key(),
      expiresAt: number(),
      record: string(),
    }),
    computeKey: ({ alertId, eventSk }) => ({ pk: `ALERT#${alertId}`, sk: eventSk }),
  });

  const notification = new Entity({
    name: 'Notification',
    table,
    schema: item({
      messageId: string().key(),
      alertId: string(),
      receivedAt: string(),
      expiresAt: number(),
    }),
    computeKey: ({ messageId }) => ({ pk: `NOTIF#${messageId}`, sk: 'NOTIF' }),
  });

  const audit = new Entity({
    name: 'Audit',
    table,
    schema: item({
      day: string().key(),
      sortKey: string().key(),
      gsi1pk: string(),
      gsi1sk: string(),
      record: string(),
    }),
    computeKey: ({ day, sortKey }) => ({ pk: `AUDIT#${day}`, sk: sortKey }),
  });

  const rerunLock = new Entity({
    name: 'RerunLock',
    table,
    schema: item({
      lockId: string().key(),
      expiresAt: number(),
      record: string(),
    }),
    computeKey: ({ lockId }) => ({ pk: `RERUN#${lockId}`, sk: 'LOCK' }),
  });

  const topicEvent = new Entity({
    name: 'TopicEvent',
    table,
    schema: item({
      topicArn: string().key(),
      at: string().key(),
      record: string(),
    }),
    computeKey: ({ topicArn, at }) => ({ pk: `TOPIC#${topicArn}`, sk: at }),
  });

  // SLACKREQ#<key> / SEEN: a Slack request already handled, kept a little beyond Slack's 5-minute window.
  const slackRequest = new Entity({
    name: 'SlackRequest',
    table,
    schema: item({ requestKey: string().key(), expiresAt: number() }),
    computeKey: ({ requestKey }) => ({ pk: `SLACKREQ#${requestKey}`, sk: 'SEEN' }),
  });

  return { alertState, mute, alertEvent, notification, audit, rerunLock, topicEvent, slackRequest };
}
export type KlaxonEntities = ReturnType<typeof createEntities>;
