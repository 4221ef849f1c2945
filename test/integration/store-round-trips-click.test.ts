import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/klaxon-harness.ts';
import {
  chooseMute,
  clickButton,
  fireAlarm,
  storeCallsUntilCompletion,
  submitView,
} from './buttons/slack-requests.ts';

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

  it('a note from its modal that Slack could not show yet: the person is told, and the alert read once', async () => {
    const root = await fireAlarm(h, 'Trips-Note');
    await clickButton(h, root, 'klaxon_note');
    await h.slack.waitForCalls('views.open', 1);
    const opened = h.slack.views().at(-1)!;
    // The note's thread reply fails, retries included: the change is saved, and Slack is behind.
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    const before = h.storeCalls().length;
    await submitView(h, opened, { note: { text: { type: 'plain_text_input', value: 'Looking at it' } } });
    const [told] = await h.slack.waitForCalls('chat.postEphemeral', 1);
    expect(JSON.stringify(told)).toContain('Slack could not be updated yet');
    // Where to tell the person came with the modal: the alert is not read again to find its channel.
    expect(
      h
        .storeCalls()
        .slice(before)
        .filter((call) => call === 'BatchGetItemCommand'),
    ).toHaveLength(1);
  });
});
