import {
  AccessDeniedException,
  CloudTrailClient,
  LookupEventsCommand,
  ThrottlingException,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lookupTrailEvents, type TrailLookupRequest } from '../../../src/aws/cloudtrail-lookup.ts';
import { createRequestPacer } from '../../../src/aws/throttle.ts';
import { cloudTrailEvent as trailEvent } from '../../helpers/aws-responses.ts';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.ts';

const cloudtrail = mockClient(CloudTrailClient);
let clock: FakeClock;

function deps() {
  return {
    cloudTrailFor: () => new CloudTrailClient({ region: 'us-east-1' }),
    pacer: createRequestPacer({ clock, minIntervalMs: 500 }),
    clock,
  };
}

function request(overrides: Partial<TrailLookupRequest> = {}): TrailLookupRequest {
  return {
    filters: { user: 'my-session-name' },
    region: 'us-east-1',
    from: new Date(clock.now() - 3_600_000),
    to: new Date(clock.now()),
    maxEvents: 20,
    maxPages: 5,
    deadline: clock.now() + 60_000,
    ...overrides,
  };
}

beforeEach(() => {
  cloudtrail.reset();
  clock = createFakeClock();
});

describe('lookupTrailEvents', () => {
  it('sends the most selective attribute and filters the rest locally', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [
        trailEvent(),
        trailEvent({ EventId: 'e2', EventName: 'GetBucketAcl', errorCode: 'AccessDenied' }),
      ],
    });

    const outcome = await lookupTrailEvents(
      deps(),
      request({ filters: { user: 'my-session-name', eventName: 'ConsoleLogin' } }),
    );

    expect(cloudtrail.commandCalls(LookupEventsCommand)[0]?.args[0].input.LookupAttributes).toEqual([
      { AttributeKey: 'Username', AttributeValue: 'my-session-name' },
    ]);
    expect(outcome.ok && outcome.value.events.map((e) => e.eventName)).toEqual(['ConsoleLogin']);
    expect(outcome.ok && outcome.value.events[0]).toMatchObject({
      sourceIp: '72.21.198.70',
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/654ccbc0-ba0d-486a-9076-dbf7274677a7',
    });
  });

  it('follows NextToken with the same parameters, up to the page cap, pacing calls 500 ms apart', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [trailEvent({ EventId: 'a' })], NextToken: 'page-2' })
      .resolvesOnce({ Events: [trailEvent({ EventId: 'b' })], NextToken: 'page-3' })
      .resolvesOnce({ Events: [trailEvent({ EventId: 'c' })], NextToken: 'page-4' });

    const outcome = await lookupTrailEvents(deps(), request({ maxPages: 3 }));

    const calls = cloudtrail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.NextToken)).toEqual([undefined, 'page-2', 'page-3']);
    expect(new Set(calls.map((c) => JSON.stringify(c.LookupAttributes))).size).toBe(1);
    expect(clock.sleeps).toEqual([500, 500]);
    expect(outcome).toMatchObject({ ok: true, value: { pagesRead: 3, truncated: true } });
    expect(outcome.ok && outcome.value.events.map((e) => e.eventId)).toEqual(['a', 'b', 'c']);
  });

  it('stops paging once enough events match', async () => {
    cloudtrail.on(LookupEventsCommand).resolvesOnce({
      Events: [trailEvent({ EventId: 'a' }), trailEvent({ EventId: 'b' })],
      NextToken: 'more',
    });

    const outcome = await lookupTrailEvents(deps(), request({ maxEvents: 1 }));

    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: true, value: { truncated: true, events: [{ eventId: 'a' }] } });
  });

  it('retries a ThrottlingException after a backoff, then succeeds', async () => {
    cloudtrail
      .on(LookupEventsCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }))
      .resolvesOnce({ Events: [trailEvent()] });

    const outcome = await lookupTrailEvents(deps(), request());

    expect(outcome.ok).toBe(true);
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(2);
    // 1 s of backoff; the retry then finds the pacer slot already past.
    expect(clock.sleeps).toEqual([1000]);
  });

  it('turns AccessDenied into one human sentence', async () => {
    const denied = new AccessDeniedException({
      message:
        'User: arn:aws:iam::123456789012:user/klaxon is not authorized to perform: cloudtrail:LookupEvents',
      $metadata: { httpStatusCode: 400 },
    });
    cloudtrail.on(LookupEventsCommand).rejects(denied);

    const outcome = await lookupTrailEvents(deps(), request());

    expect(outcome).toEqual({
      ok: false,
      reason: 'aws-error',
      message:
        'Klaxon is not allowed to look up CloudTrail events (AccessDenied): its IAM role needs that permission.',
    });
  });

  it('refuses ranges older than 90 days and points to athena, without calling AWS', async () => {
    const outcome = await lookupTrailEvents(
      deps(),
      request({ from: new Date(clock.now() - 91 * 86_400_000) }),
    );

    expect(outcome).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('/klaxon athena'),
    });
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(0);
  });

  it('stops paging at the deadline and says the list may be incomplete', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({ Events: [trailEvent()], NextToken: 'forever' });

    const outcome = await lookupTrailEvents(deps(), request({ deadline: clock.now() + 400, maxPages: 10 }));

    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(2);
    expect(outcome).toMatchObject({ ok: true, value: { cutOffByDeadline: true, truncated: true } });
  });
});
