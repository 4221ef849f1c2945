import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lookupRecentChanges } from '../../../../src/aws/enrich/recent-changes.ts';
import { cloudTrailEvent } from '../../../helpers/aws-responses.ts';
import { alertFromFixture } from '../../../helpers/fixture-alerts.ts';

const cloudTrail = mockClient(CloudTrailClient);
const clients = () => ({ cloudTrail: new CloudTrailClient({ region: 'ap-northeast-2' }) });
const now = new Date('2021-06-23T08:50:00Z');
const context = (signal = new AbortController().signal) => ({ now, signal });
/** EC2-CPU on i-0f672ea50a80cda4b, in ALARM since 2021-06-23T08:41:06.622Z. */
const alarm = () => alertFromFixture('cloudwatch/alarm-single-metric.json');
const instance = 'i-0f672ea50a80cda4b';
const onInstance = [{ ResourceType: 'AWS::EC2::Instance', ResourceName: instance }];

const modify = cloudTrailEvent({
  EventId: '11111111-2222-3333-4444-555555555555',
  EventName: 'ModifyInstanceAttribute',
  EventSource: 'ec2.amazonaws.com',
  EventTime: new Date('2021-06-23T08:12:40Z'),
  Username: 'alice',
  Resources: onInstance,
  recordReadOnly: false,
});
const stop = cloudTrailEvent({
  EventId: '66666666-7777-8888-9999-000000000000',
  EventName: 'StopInstances',
  EventSource: 'ec2.amazonaws.com',
  EventTime: new Date('2021-06-23T08:30:02Z'),
  Username: 'deploy-bot',
  Resources: onInstance,
  errorCode: 'Client.UnauthorizedOperation',
});
/** Read-only calls: one says so at the top level, one only in its record. */
const describe1 = cloudTrailEvent({
  EventName: 'DescribeInstances',
  ReadOnly: 'true',
  Resources: onInstance,
});
const describe2 = cloudTrailEvent({
  EventId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  EventName: 'DescribeInstanceAttribute',
  ReadOnly: undefined,
  Resources: onInstance,
  recordReadOnly: true,
});

beforeEach(() => cloudTrail.reset());

describe('lookupRecentChanges', () => {
  it('lists the write events on the resource in the hour before the alarm, newest first', async () => {
    // Prepare
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [describe1, modify, describe2, stop] });

    // Act
    const result = await lookupRecentChanges(alarm(), clients(), context());

    // Assess
    expect(cloudTrail.commandCalls(LookupEventsCommand)[0]?.args[0].input).toEqual({
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: instance }],
      StartTime: new Date('2021-06-23T07:41:06.622Z'),
      EndTime: new Date('2021-06-23T08:41:06.622Z'),
      MaxResults: 50,
    });
    expect(result).toEqual({
      kind: 'lines',
      title: `Changes in the hour before the alert (${instance})`,
      lines: [
        '08:30 UTC · StopInstances (ec2.amazonaws.com) by deploy-bot — failed: Client.UnauthorizedOperation',
        '08:12 UTC · ModifyInstanceAttribute (ec2.amazonaws.com) by alice',
      ],
      links: [
        {
          text: `CloudTrail: ${instance}`,
          url: `https://ap-northeast-2.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-2#/events?ResourceName=${instance}`,
        },
      ],
    });
  });

  it('says nothing when only read-only calls touched the resource', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [describe1, describe2] });

    expect(await lookupRecentChanges(alarm(), clients(), context())).toEqual({ kind: 'none' });
  });

  it('makes no call for an alert that names no resource (a composite alarm)', async () => {
    const composite = alertFromFixture('cloudwatch/alarm-composite.json');

    expect(await lookupRecentChanges(composite, clients(), context())).toEqual({ kind: 'none' });
    expect(cloudTrail.calls()).toHaveLength(0);
  });

  it.each(['AccessDeniedException', 'ThrottlingException'])(
    'degrades to one quiet line on %s',
    async (name) => {
      cloudTrail.on(LookupEventsCommand).rejects(Object.assign(new Error('no'), { name }));

      const result = await lookupRecentChanges(alarm(), clients(), context());

      expect(result).toEqual({ kind: 'unavailable', what: 'recent changes', reason: name });
    },
  );

  it('keeps what it found when the lookup of a second resource fails', async () => {
    const alert = alertFromFixture('cloudwatch/alarm-single-metric.json');
    const dimensions = [
      { name: 'InstanceId', value: instance },
      { name: 'VolumeId', value: 'vol-0abc' },
    ];
    cloudTrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [modify] })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    const result = await lookupRecentChanges(
      { ...alert, raw: { Trigger: { Dimensions: dimensions } } },
      clients(),
      context(),
    );

    expect(result.kind === 'lines' && result.lines).toEqual([
      '08:12 UTC · ModifyInstanceAttribute (ec2.amazonaws.com) by alice',
      'changes to vol-0abc unavailable: ThrottlingException',
    ]);
  });

  it('stops waiting when its time budget aborts', async () => {
    const budget = new AbortController();
    cloudTrail.on(LookupEventsCommand).callsFake(() => new Promise(() => {}));

    const pending = lookupRecentChanges(alarm(), clients(), context(budget.signal));
    budget.abort();

    expect(await pending).toEqual({ kind: 'unavailable', what: 'recent changes', reason: 'timed out' });
    expect(cloudTrail.commandCalls(LookupEventsCommand)[0]?.args).toContainEqual({
      abortSignal: budget.signal,
    });
  });
});
