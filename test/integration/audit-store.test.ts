import { beforeAll, describe, expect, it } from 'vitest';
import type { KlaxonStore } from '../../src/store/open-store.ts';
import { createSlackRequestStore } from '../../src/store/slack-request-store.ts';
import { openTestStore } from '../helpers/test-store.ts';

let store: KlaxonStore;
beforeAll(async () => {
  store = await openTestStore();
  const actor = { userId: 'U0ALICE', userName: 'alice' };
  for (const at of [
    '2026-11-23T23:59:00.000Z',
    '2026-11-24T10:00:00.000Z',
    '2026-11-25T08:00:00.000Z',
    '2026-11-25T12:00:00.000Z',
  ]) {
    await store.audit.append({ at, actor, action: 'acknowledge', params: {}, result: 'ok' });
  }
  await store.audit.append({
    at: '2026-11-25T09:00:00.000Z',
    actor: { userId: 'U0BOB' },
    action: 'rerun',
    params: {},
    result: 'refused',
  });
});

describe('audit store', () => {
  it('reads a time range across day partitions, oldest first, end exclusive', async () => {
    const records = [];
    for await (const r of store.audit.listRange(
      new Date('2026-11-24T00:00:00Z'),
      new Date('2026-11-25T12:00:00Z'),
    ))
      records.push(r);
    expect(records.map((r) => r.at)).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-25T08:00:00.000Z',
      '2026-11-25T09:00:00.000Z',
    ]);
  });

  it("lists a user's recent actions newest first", async () => {
    const records = await store.audit.listByUser('U0ALICE', 2);
    expect(records.map((r) => r.at)).toEqual(['2026-11-25T12:00:00.000Z', '2026-11-25T08:00:00.000Z']);
  });
});

describe('an audit record with the replay claim of its Slack request', () => {
  it('is written for the first claim of a key, not while the claim holds, and again once it expired', async () => {
    const entry = {
      at: '2026-11-26T10:00:00.000Z',
      actor: { userId: 'U0CLAIM' },
      action: 'acknowledge',
      params: {},
      result: 'ok' as const,
    };
    const claim = { key: 'sig:claimed-once', expiresAt: 2_000, nowSeconds: 1_000 };
    expect(await store.audit.appendClaimed(entry, claim)).toBe('appended');
    expect(await store.audit.appendClaimed(entry, { ...claim, nowSeconds: 1_999 })).toBe('replayed');
    expect(await store.audit.listByUser('U0CLAIM')).toHaveLength(1);
    // The guard's own claim and this one are the same item: either one stops the other.
    const requests = createSlackRequestStore(store.entities);
    expect(await requests.claimSlackRequest({ ...claim, nowSeconds: 1_500 })).toBe(false);
    expect(await store.audit.appendClaimed(entry, { ...claim, expiresAt: 4_000, nowSeconds: 2_001 })).toBe(
      'appended',
    );
    expect(await store.audit.listByUser('U0CLAIM')).toHaveLength(2);
  });
});
