import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { KlaxonTable } from './table.ts';

/** Keys of the items the notification path reads and writes without toolbox (alert-store.ts, alert-write-items.ts). */
export const alertStateKey = ({ alertId }: { alertId: string }) => ({ pk: `ALERT#${alertId}`, sk: '#STATE' });
export const alertEventKey = ({ alertId, eventSk }: { alertId: string; eventSk: string }) => ({
  pk: `ALERT#${alertId}`,
  sk: eventSk,
});
export const muteKey = ({ alertId }: { alertId: string }) => ({ pk: `ALERT#${alertId}`, sk: '#MUTE' });
export const silenceIndexKey = ({ indexId }: { indexId: string }) => ({ pk: indexId, sk: '#ACTIVE' });
export const notificationKey = ({ messageId }: { messageId: string }) => ({
  pk: `NOTIF#${messageId}`,
  sk: 'NOTIF',
});

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
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
      // The drain lease lives beside the record so renewing it never bumps the version (alert-store.ts).
      drainOwner: string().optional(),
      drainUntil: number().optional(),
      record: string(),
    }),
    computeKey: alertStateKey,
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
    computeKey: muteKey,
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
    computeKey: alertEventKey,
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
    computeKey: notificationKey,
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

  // SILENCE#<id> / #SILENCE: a silence set ahead or a maintenance window's opening (silence-store.ts).
  const silence = new Entity({
    name: 'Silence',
    table,
    schema: item({
      silenceId: string().key(),
      status: string(),
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
      record: string(),
      /** Epoch ms until which one sweeper retries the summary Slack refused (the others leave it). */
      claimUntil: number().optional(),
    }),
    computeKey: ({ silenceId }) => ({ pk: `SILENCE#${silenceId}`, sk: '#SILENCE' }),
  });

  // SILENCE#<id> / HIT#<alertId>: what the silence held back from one alert, counted in the alert's commit.
  const silenceHit = new Entity({
    name: 'SilenceHit',
    table,
    schema: item({
      silenceId: string().key(),
      alertId: string().key(),
      count: number(),
      record: string(),
    }),
    computeKey: ({ silenceId, alertId }) => ({ pk: `SILENCE#${silenceId}`, sk: `HIT#${alertId}` }),
  });

  // SILENCES / #ACTIVE: every active silence in one item, so the notification path reads them in its batch.
  const silenceIndex = new Entity({
    name: 'SilenceIndex',
    table,
    schema: item({ indexId: string().key(), version: number(), record: string() }),
    computeKey: silenceIndexKey,
  });

  return {
    alertState,
    mute,
    alertEvent,
    notification,
    audit,
    rerunLock,
    topicEvent,
    slackRequest,
    silence,
    silenceHit,
    silenceIndex,
  };
}
export type KlaxonEntities = ReturnType<typeof createEntities>;
