import { describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { useHarness } from '../helpers/klaxon-harness.ts';
import { chooseMute, clickButton, fireAlarm } from './buttons/slack-requests.ts';

/** A click's DynamoDB round trips, on a server with nothing else in flight (its own harness). */
const h = useHarness();

async function callsOf(work: () => Promise<unknown>): Promise<string[]> {
  const before = h.storeCalls().length;
  await work();
  return h.storeCalls().slice(before);
}

describe('store calls per click', () => {
  it('a button click: one read, one transaction (its replay claim inside), one completion', async () => {
    const root = await fireAlarm(h, 'Trips-Click');
    const calls = await callsOf(async () => {
      const before = h.storeCalls().length;
      await clickButton(h, root, 'klaxon_ack');
      // Watch the calls themselves (reading the store would add to them) until the drain's completion write.
      await pollWithDeadline(
        async () => h.storeCalls().slice(before),
        (calls): calls is string[] =>
          calls.lastIndexOf('PutItemCommand') > calls.indexOf('TransactWriteItemsCommand') &&
          calls.includes('TransactWriteItemsCommand'),
        { timeoutMs: 8_000, intervalMs: 10 },
      );
    });
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });

  it('a Mute menu choice: the same three calls (no read to end an expired mute first)', async () => {
    const root = await fireAlarm(h, 'Trips-Mute');
    const calls = await callsOf(async () => {
      const before = h.storeCalls().length;
      await chooseMute(h, root, '1 hour');
      await pollWithDeadline(
        async () => h.storeCalls().slice(before),
        (calls): calls is string[] =>
          calls.lastIndexOf('PutItemCommand') > calls.indexOf('TransactWriteItemsCommand') &&
          calls.includes('TransactWriteItemsCommand'),
        { timeoutMs: 8_000, intervalMs: 10 },
      );
    });
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });
});
