import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { KlaxonTable } from './table.ts';

/**
 * Entities keep their nested documents (the normalized alert, steps, actors) as `any()` maps: they are
 * produced and validated by our own code, and the entity's job is keys, indexes, TTL and conditions.
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
      record: any(),
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
      record: any(),
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
      record: any(),
    }),
    computeKey: ({ alertId, eventSk }) => ({ pk: `ALERT#${alertId}`, sk: eventSk }),
  });

  const notification = new Entity({
    name: 'Notification',
    table,
    schema: item({
      messageId: string().key(),
      status: string(),
      stepsDone: number(),
      leaseUntil: number(),
      expiresAt: number(),
      // Only while Slack steps are pending (sparse), so the sweep finds deliveries SNS gave up on.
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
      record: any(),
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
      record: any(),
    }),
    computeKey: ({ day, sortKey }) => ({ pk: `AUDIT#${day}`, sk: sortKey }),
  });

  const rerunLock = new Entity({
    name: 'RerunLock',
    table,
    schema: item({
      lockId: string().key(),
      expiresAt: number(),
      record: any(),
    }),
    computeKey: ({ lockId }) => ({ pk: `RERUN#${lockId}`, sk: 'LOCK' }),
  });

  const topicEvent = new Entity({
    name: 'TopicEvent',
    table,
    schema: item({
      topicArn: string().key(),
      at: string().key(),
      record: any(),
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
