import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/klaxon-harness.ts';
import { chooseMute, clickButton, fireAlarm, storeCallsUntilCompletion } from './buttons/slack-requests.ts';

/** A click's DynamoDB round trips, on a server with nothing else in flight (its own harness). */
const h = useHarness();

describe('store calls per click', () => {
  it('a button click: one read, one transaction (its replay claim inside), one completion', async () => {
    const root = await fireAlarm(h, 'Trips-Click');
    const calls = await storeCallsUntilCompletion(h, () => clickButton(h, root, 'klaxon_ack'));
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });

  it('a Mute menu choice: the same three calls (no read to end an expired mute first)', async () => {
    const root = await fireAlarm(h, 'Trips-Mute');
    const calls = await storeCallsUntilCompletion(h, () => chooseMute(h, root, '1 hour'));
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });
});
