import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { glueFailure } from './buttons/slack-requests.ts';

/** What a reader sees at 3 a.m., end to end through the bot: severity, the story on recovery, details. */
const h = useHarness({
  routes: [
    {
      match: { source: 'glue', name: 'Critical*' },
      channel: 'C0ALERTS',
      severity: 'critical',
      mentions: { targets: ['@here'], severities: ['critical'] },
    },
  ],
});

describe('how bad, at a glance', () => {
  it('takes a firing alert’s severity from its route, and mentions by it', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('CriticalLoad', 'jr_crit_1')));

    const root = h.slack.messages('C0ALERTS')[0]!;
    expect(root.text).toContain('<!here>');
    expect(JSON.stringify(root.blocks)).toContain('🔴 Glue job CriticalLoad');
    expect(JSON.stringify(root.blocks)).toContain('Critical');
  });
});
