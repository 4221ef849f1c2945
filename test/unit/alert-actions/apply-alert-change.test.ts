import { describe, expect, it, vi } from 'vitest';
import type { ThreadReply } from '../../../src/bot/blocks/thread-reply.ts';
import type { AlertChangeDeps } from '../../../src/handlers/alert-actions/action-deps.ts';
import { applyAlertChange } from '../../../src/handlers/alert-actions/apply-alert-change.ts';
import { decideAcknowledge } from '../../../src/handlers/alert-actions/decide-acknowledge.ts';
import type { AlertRecord } from '../../../src/model/records.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { alice, bob, sampleRecord, t0 } from './sample-record.ts';

/** An in-memory alert table with DynamoDB's conditional put; `interfere` lets "someone else" write first. */
function fakeStore(initial: AlertRecord, interfere?: (saves: number) => AlertRecord | undefined) {
  let stored = initial;
  let saves = 0;
  const alerts = {
    loadAlert: async () => ({ record: stored }),
    saveAlert: async (next: AlertRecord, expectedVersion: number) => {
      saves++;
      const other = interfere?.(saves);
      if (other) stored = other;
      if (stored.version !== expectedVersion) return false;
      stored = next;
      return true;
    },
  };
  return { store: { alerts } as unknown as AlertChangeDeps['store'], current: () => stored };
}

/** Shaped like @slack/web-api's errors: HTTP failures carry no `data`, platform errors carry Slack's code. */
const httpError = Object.assign(new Error('An HTTP protocol error occurred: statusCode = 500'), {
  code: 'slack_webapi_http_error',
});
const messageGone = Object.assign(new Error('An API error occurred: message_not_found'), {
  code: 'slack_webapi_platform_error',
  data: { ok: false, error: 'message_not_found' },
});

function depsWith(store: AlertChangeDeps['store'], updateError?: Error, postError?: Error) {
  const slack = {
    updateMessage: vi.fn(async () => {
      if (updateError) throw updateError;
    }),
    postMessage: vi.fn(async () => {
      if (postError) throw postError;
      return { channel: 'C0ALERTS', ts: '1700000000.000200' };
    }),
  };
  const scheduleRootRefresh = vi.fn();
  const deps: AlertChangeDeps = {
    store,
    slack,
    now: () => t0,
    logger: createSilentLogger(),
    scheduleRootRefresh,
  };
  return { deps, slack, scheduleRootRefresh };
}

const acknowledge = (loaded: Parameters<typeof decideAcknowledge>[0], now: Date) =>
  decideAcknowledge(loaded, alice, now);

describe('applyAlertChange when Slack fails after the write', () => {
  it('keeps the change, marks the root stale on the version it wrote, and schedules a refresh', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps, slack, scheduleRootRefresh } = depsWith(store, httpError);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(current()).toMatchObject({ version: 5, rootStale: true, acknowledged: { userId: alice.userId } });
    expect(slack.postMessage).toHaveBeenCalledTimes(1);
    expect(scheduleRootRefresh).toHaveBeenCalledWith('alert-1', expect.any(Number));
    expect(scheduleRootRefresh.mock.calls[0]![1]).toBeGreaterThan(t0.getTime());
  });

  it('retries the mark on a fresh read when someone wrote in between', async () => {
    // The first mark (the second save) loses to a notification that wrote version 5 just before it.
    const { store, current } = fakeStore(sampleRecord({ version: 3 }), (saves) =>
      saves === 2 ? sampleRecord({ version: 5, timesFired: 2 }) : undefined,
    );
    const { deps } = depsWith(store, httpError);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(current()).toMatchObject({ version: 6, rootStale: true, timesFired: 2 });
  });

  it('marks nothing when Slack says the root is gone: no retry could redraw it', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps, scheduleRootRefresh } = depsWith(store, messageGone);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(current()).toMatchObject({ version: 4, rootStale: false });
    expect(scheduleRootRefresh).not.toHaveBeenCalled();
  });

  it('answers changed and marks nothing when Slack took it', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps, scheduleRootRefresh } = depsWith(store);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed');

    expect(current()).toMatchObject({ version: 4, rootStale: false });
    expect(scheduleRootRefresh).not.toHaveBeenCalled();
  });
});

describe('applyAlertChange when a thread reply does not reach Slack', () => {
  const ackReply = { kind: 'acknowledged', by: alice, at: t0.toISOString() };
  const older: ThreadReply = {
    kind: 'unmuted',
    by: bob,
    at: t0.toISOString(),
    whileMuted: { notifications: 2 },
  };

  it('keeps the reply on the record it wrote for the sweep to post', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps, scheduleRootRefresh } = depsWith(store, undefined, httpError);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(current()).toMatchObject({ version: 5, rootStale: false, pendingReplies: [ackReply] });
    expect(scheduleRootRefresh).not.toHaveBeenCalled();
  });

  it('marks the root and keeps the reply in one write when both failed', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps } = depsWith(store, httpError, httpError);

    await applyAlertChange(deps, 'alert-1', acknowledge);

    expect(current()).toMatchObject({ version: 5, rootStale: true, pendingReplies: [ackReply] });
  });

  it('queues new replies behind older ones still waiting, without posting them out of order', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3, pendingReplies: [older] }));
    const { deps, slack } = depsWith(store);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(slack.updateMessage).toHaveBeenCalledTimes(1);
    expect(slack.postMessage).not.toHaveBeenCalled();
    expect(current().pendingReplies).toEqual([older, ackReply]);
  });

  it('keeps nothing when Slack says the thread is gone', async () => {
    const { store, current } = fakeStore(sampleRecord({ version: 3 }));
    const { deps } = depsWith(store, undefined, messageGone);

    expect(await applyAlertChange(deps, 'alert-1', acknowledge)).toBe('changed-slack-behind');

    expect(current()).toMatchObject({ version: 4 });
    expect(current().pendingReplies).toBeUndefined();
  });
});
