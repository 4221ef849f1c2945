import {
  AccessDeniedException,
  CloudTrailClient,
  type Event,
  LookupEventsCommand,
  ThrottlingException,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { cloudTrailEvent } from '../../helpers/aws-responses.ts';
import {
  channelId,
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  userId,
  waitForResponses,
} from './slash-command-kit.ts';

const cloudTrail = mockClient(CloudTrailClient);
const clock = createRestartableClock();

/** The CLI reference's LookupEvents event (see aws-responses.ts), made an S3 call ten minutes ago. */
function trailEvent(EventId: string, EventName: string): Event {
  return cloudTrailEvent({
    EventId,
    EventName,
    EventSource: 's3.amazonaws.com',
    EventTime: new Date(Date.now() - 600_000),
    Resources: [{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'etl-landing' }],
  });
}

const h = useCommandHarness({}, { clock }, [cloudTrail]);

describe('/klaxon trail', () => {
  it('reads every page with NextToken and shows events from all of them', async () => {
    cloudTrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [trailEvent('e-1', 'PutBucketPolicy')], NextToken: 'page-2' })
      .resolvesOnce({ Events: [trailEvent('e-2', 'DeleteBucket')] });

    const command = await postSlashCommand(h, 'trail user=my-session-name since=2h');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const calls = cloudTrail.commandCalls(LookupEventsCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'my-session-name' }],
      MaxResults: 50,
    });
    expect(calls[0]!.NextToken).toBeUndefined();
    expect(calls[1]!.NextToken).toBe('page-2');
    expect(shownText(answer!)).toContain('PutBucketPolicy');
    expect(shownText(answer!)).toContain('DeleteBucket');
    expect(shownText(answer!)).toContain('2 events from 2 scanned in 2 page(s)');
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const [audit] = await h.store.audit.listByUser(userId);
    expect(audit).toMatchObject({ action: 'query.trail', result: 'ok', params: { channelId } });
  });

  it('backs off when throttled and then answers', async () => {
    cloudTrail
      .on(LookupEventsCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves({ Events: [trailEvent('e-3', 'DeleteBucket')] });

    const command = await postSlashCommand(h, 'trail event=DeleteBucket');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(cloudTrail.commandCalls(LookupEventsCommand)).toHaveLength(2);
    expect(clock.current().sleeps).toContain(1000);
    expect(shownText(answer!)).toContain('1 event from 1 scanned');
  });

  it('turns AccessDenied into one sentence, with no stack trace', async () => {
    cloudTrail.on(LookupEventsCommand).rejects(
      new AccessDeniedException({
        message:
          'User: arn:aws:sts::123456789012:assumed-role/klaxon is not authorized to perform: cloudtrail:LookupEvents',
        $metadata: {},
      }),
    );

    const command = await postSlashCommand(h, 'trail resource=etl-landing');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(answer!.body.text).toContain('Klaxon is not allowed to look up CloudTrail events (AccessDenied)');
    expect(shownText(answer!)).not.toMatch(/\.ts:\d+|\n\s+at /);
    const [audit] = await h.store.audit.listByUser(userId);
    expect(audit).toMatchObject({ action: 'query.trail', result: 'failed' });
  });

  it('asks the region the command names', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [] });

    const command = await postSlashCommand(h, 'trail event=DeleteBucket region=eu-west-1');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const client = cloudTrail.commandCalls(LookupEventsCommand)[0]!.thisValue as CloudTrailClient;
    expect(await client.config.region()).toBe('eu-west-1');
    expect(shownText(answer!)).toContain('No matching events');
  });

  it('with `share` posts the answer in the channel and tells the user where it went', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [trailEvent('e-4', 'DeleteBucket')] });

    const command = await postSlashCommand(h, 'trail event=DeleteBucket share');
    const [notice] = await waitForResponses(h, command.responseId, 1);

    const [posted] = h.slack.messages(channelId);
    expect(JSON.stringify(posted!.blocks)).toContain('DeleteBucket');
    expect(JSON.stringify(posted!.blocks)).toContain(`Asked by <@${userId}>`);
    expect(notice!.body).toMatchObject({ response_type: 'ephemeral', text: 'Posted in the channel.' });
  });

  it('with `share` in a channel Klaxon is not in, answers privately and says why', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [trailEvent('e-5', 'DeleteBucket')] });
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' });

    const command = await postSlashCommand(h, 'trail event=DeleteBucket share');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(h.slack.messages(channelId)).toHaveLength(0);
    expect(shownText(answer!)).toContain('DeleteBucket');
    expect(shownText(answer!)).toContain('Could not post in the channel (not_in_channel)');
  });
});
