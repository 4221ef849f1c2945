import type { AlertRecord, MuteRecord } from '../../../src/model/records.ts';

export const alice = { userId: 'U0ALICE', userName: 'alice' };
export const bob = { userId: 'U0BOB', userName: 'bob' };
export const t0 = new Date('2026-11-25T14:00:00.000Z');
export const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

export function sampleRecord(overrides: Partial<AlertRecord> = {}): AlertRecord {
  return {
    alertId: 'alert-1',
    alertKey: 'macie:finding',
    status: 'open',
    alert: {
      source: 'macie',
      key: 'macie:finding',
      name: 'Policy:IAMUser/S3BucketPublic',
      title: 'Bucket is public',
      state: 'firing',
      stateLabel: 'High',
      severity: 'high',
      occurredAt: t0.toISOString(),
      summary: 'A bucket became public',
      fields: [],
      resolvableByEvent: false,
      raw: {},
    },
    episode: 1,
    version: 3,
    channel: 'C0ALERTS',
    mentions: [],
    ts: '1700000000.000100',
    firstFiredAt: t0.toISOString(),
    lastFiredAt: t0.toISOString(),
    timesFired: 1,
    lastStateLabel: 'High',
    rootRefreshedAt: t0.getTime(),
    mutedCount: 0,
    reruns: [],
    outbox: [],
    outboxSeq: 0,
    ...overrides,
  };
}

export function sampleMute(overrides: Partial<MuteRecord> = {}): MuteRecord {
  return {
    alertId: 'alert-1',
    alertKey: 'macie:finding',
    until: later(60).toISOString(),
    by: bob,
    at: t0.toISOString(),
    channel: 'C0ALERTS',
    title: 'Bucket is public',
    ...overrides,
  };
}
