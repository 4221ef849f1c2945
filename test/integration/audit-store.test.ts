import { beforeAll, describe, expect, it } from 'vitest';
import type { KlaxonStore } from '../../src/store/open-store.ts';
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
