import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import {
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  waitForResponses,
} from './slash-command-kit.ts';

const cloudTrail = mockClient(CloudTrailClient);
const clock = createRestartableClock();

const h = useCommandHarness({ permissions: { query: { users: ['U0ALICE'] } } }, { clock }, [cloudTrail]);

describe('/klaxon permissions', () => {
  it('refuses a user without the query permission privately, audits it and asks AWS nothing', async () => {
    const command = await postSlashCommand(h, 'trail user=alice since=2h share', {
      user_id: 'U0INTRUDER',
      user_name: 'mallory',
    });
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(command.ack.text).toContain('Running…');
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(shownText(answer!)).toContain('You may not run `/klaxon trail user=alice since=2h share`');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(cloudTrail.calls()).toHaveLength(0);
    const [audit] = await h.store.audit.listByUser('U0INTRUDER');
    expect(audit).toMatchObject({
      actor: { userId: 'U0INTRUDER', userName: 'mallory' },
      action: 'query.trail',
      result: 'refused',
      params: { text: 'trail user=alice since=2h share', share: true },
    });
  });

  it('lets a listed user run the query and audits it', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [] });

    const command = await postSlashCommand(h, 'trail user=alice since=2h', { user_id: 'U0ALICE' });
    await waitForResponses(h, command.responseId, 1);

    expect(cloudTrail.calls()).toHaveLength(1);
    const [audit] = await h.store.audit.listByUser('U0ALICE');
    expect(audit).toMatchObject({ action: 'query.trail', result: 'ok' });
  });
});
