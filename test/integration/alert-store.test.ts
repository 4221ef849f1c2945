import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedAlert } from '../../src/model/alert.ts';
import type { AlertRecord, NotificationRecord } from '../../src/model/records.ts';
import type { KlaxonStore } from '../../src/store/open-store.ts';
import { openTestStore } from '../helpers/test-store.ts';

let store: KlaxonStore;
beforeAll(async () => {
  store = await openTestStore();
});

const alert = { key: 'k', source: 'generic', state: 'firing', stateLabel: 'ALARM' } as NormalizedAlert;

function alertRecord(alertId: string, version: number): AlertRecord {
  return {
    alertId,
    alertKey: 'k',
    status: 'open',
    alert,
    episode: 1,
    version,
    channel: 'C1',
    mentions: [],
    firstFiredAt: '2026-11-25T10:00:00.000Z',
    lastFiredAt: '2026-11-25T10:00:00.000Z',
    timesFired: 1,
    lastStateLabel: 'ALARM',
    rootRefreshedAt: 0,
    rootStale: false,
    mutedCount: 0,
    reruns: [],
  };
}

function notification(messageId: string, alertId: string): NotificationRecord {
  return {
    messageId,
    alertId,
    topicArn: 'arn:aws:sns:us-east-1:123456789012:t',
    receivedAt: '2026-11-25T10:00:00.000Z',
    status: 'pending',
    steps: [{ kind: 'post-root' }],
    stepsDone: 0,
    leaseUntil: 0,
    outcome: 'new-alert',
  };
}

function commit(messageId: string, alertId: string, version: number, expectedVersion: number) {
  return store.alerts.commitNotification({
    notification: notification(messageId, alertId),
    next: alertRecord(alertId, version),
    expectedVersion,
    event: { alertId, at: '2026-11-25T10:00:00.000Z', messageId, summary: { stateLabel: 'ALARM' } },
    endMute: false,
  });
}

describe('alert store on DynamoDB Local', () => {
  it('commits a first notification and refuses the same MessageId twice', async () => {
    expect(await commit('m1', 'a1', 1, 0)).toBe('committed');
    expect(await commit('m1', 'a1', 2, 1)).toBe('notification-exists');
    const loaded = await store.alerts.loadAlert('a1');
    expect(loaded.record?.version).toBe(1);
    expect((await store.alerts.getNotification('m1'))?.steps).toEqual([{ kind: 'post-root' }]);
  });

  it('lets only one of two concurrent first notifications create the alert', async () => {
    const results = await Promise.all([commit('m2', 'a2', 1, 0), commit('m3', 'a2', 1, 0)]);
    expect(results.sort()).toEqual(['alert-changed', 'committed']);
  });

  it('grants a notification lease to one claimant until it expires or is released', async () => {
    await commit('m4', 'a4', 1, 0);
    expect(await store.alerts.claimNotificationLease('m4', 1000, 5000)).toBe(true);
    expect(await store.alerts.claimNotificationLease('m4', 2000, 5000)).toBe(false);
    await store.alerts.releaseNotificationLease('m4');
    expect(await store.alerts.claimNotificationLease('m4', 2000, 5000)).toBe(true);
    await store.alerts.markStepsDone('m4', 1, true);
    expect(await store.alerts.claimNotificationLease('m4', 99_999, 5000)).toBe(false);
  });

  it('lists open alerts through the sparse index', async () => {
    const open = await store.alerts.listOpenAlerts();
    expect(open.map((r) => r.alertId)).toEqual(expect.arrayContaining(['a1', 'a2', 'a4']));
    expect(await store.alerts.saveAlert({ ...alertRecord('a1', 2), status: 'resolved' }, 1)).toBe(true);
    expect((await store.alerts.listOpenAlerts()).map((r) => r.alertId)).not.toContain('a1');
  });
});
