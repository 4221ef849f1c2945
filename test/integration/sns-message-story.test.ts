import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { clickButton, findElement, glueFailure, glueSucceeded } from './buttons/slack-requests.ts';

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

describe('the story of a failure, end to end', () => {
  it('keeps the failure and its run on the resolved root, with no severity on green', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('StoryLoad', 'jr_story_failed')));
    await h.postSns(h.signer.notification(testTopicArn, glueSucceeded('StoryLoad', 'jr_story_ok')));

    const [root, ...others] = h.slack.messages('C0ALERTS');
    const blocks = JSON.stringify(root!.blocks);
    expect(others).toHaveLength(0);
    expect(blocks).toContain('🟢 Glue job StoryLoad');
    expect(blocks).toContain('Failed: Role arn:aws:iam::123456789012:role/Glue_Role should be given');
    expect(blocks).toContain('— recovered');
    expect(blocks).toContain('jr_story_failed');
    expect(blocks).not.toMatch(/\*(High|Critical)\*/);
  });

  it('offers no Rerun when nobody may rerun (permissions.rerun is empty)', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('NoRerunLoad', 'jr_norerun')));

    expect(() => findElement(h.slack.messages('C0ALERTS')[0]!, 'klaxon_rerun_glue')).toThrow();
  });
});

describe('what the root leaves out, one click away', () => {
  it('opens the details in a modal for the one who clicked: the whole reason and every field', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('DetailLoad', 'jr_detail_1')));
    const root = h.slack.messages('C0ALERTS')[0]!;

    const answer = await clickButton(h, root, 'klaxon_details');
    const [opened] = await h.slack.waitForCalls('views.open', 1);

    expect(answer.status).toBe(200);
    const modal = JSON.stringify(opened!.params.view);
    expect(modal).toContain('Alert details');
    expect(modal).toContain('failed to execute with exception Role');
    expect(modal).toContain('*Glue severity*');
    expect(h.slack.messages('C0ALERTS')[0]!.replies).toHaveLength(0);
  });

  it('answers the click Slack sends for a URL button', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('LinkLoad', 'jr_link_1')));
    const root = h.slack.messages('C0ALERTS')[0]!;

    for (const actionId of ['klaxon_link_console', 'klaxon_link_logs']) {
      const answer = await clickButton(h, root, actionId);
      expect(answer.status).toBe(200);
    }
  });
});
