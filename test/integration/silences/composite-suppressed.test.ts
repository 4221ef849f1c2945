import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));

const h = useHarness({
  routes: [
    {
      match: { source: 'cloudwatch-alarm' },
      channel: 'C0ALERTS',
      mentions: { targets: ['@here', 'S0614TZR7'], severities: ['critical', 'high'] },
    },
  ],
});

describe('A composite alarm whose actions are suppressed', () => {
  it('is posted without mentions and says its actions are suppressed', async () => {
    // The documented EventBridge event: state.actionsSuppressedBy WaitPeriod, configuration.actionsSuppressor.
    const event = fixture('eventbridge/alarm-state-change-composite.json');
    expect((await h.postSns(h.signer.notification(testTopicArn, event))).body.outcome).toBe('new-alert');
    const [root] = h.slack.messages('C0ALERTS');
    const shown = `${root!.text}\n${JSON.stringify(root!.blocks)}`;
    expect(shown).not.toContain('<!here>');
    expect(shown).not.toContain('<!subteam^S0614TZR7>');
    expect(shown).toContain('Actions suppressed');
    expect(shown).toContain('WaitPeriod');
    expect(shown).toContain('ServiceMaintenanceAlarm');
    expect(shown).toContain('posted without mentions');
  });

  it('mentions as usual when nothing suppresses it', async () => {
    const event = fixture('eventbridge/alarm-state-change-composite.json');
    const { actionsSuppressedBy: _by, actionsSuppressedReason: _reason, ...state } = event.detail.state;
    const plain = {
      ...event,
      resources: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:UnsuppressedAggregate'],
      detail: { ...event.detail, alarmName: 'UnsuppressedAggregate', state },
    };
    expect((await h.postSns(h.signer.notification(testTopicArn, plain))).body.outcome).toBe('new-alert');
    const [root] = h.slack.messages('C0ALERTS');
    expect(`${root!.text}${JSON.stringify(root!.blocks)}`).toContain('<!here>');
  });
});
