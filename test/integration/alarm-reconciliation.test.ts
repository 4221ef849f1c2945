import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { describedMetricAlarm } from '../helpers/aws-responses.ts';
import { type Harness, startHarness, testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

const cloudWatch = mockClient(CloudWatchClient);
const arnOf = (name: string) => `arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  cloudWatch.reset();
  h.slack.reset();
});

describe('alarm reconciliation in the sweep', () => {
  it('resolves an open alert whose alarm is OK in CloudWatch, with a note in its thread; leaves ALARM ones open', async () => {
    // Prepare: two alarms fire; only one recovers, and its OK notification is lost.
    for (const name of ['Lost-OK-CPU', 'Still-Firing-CPU']) {
      const fired = await h.postSns(h.signer.notification(testTopicArn, alarm(name, 'ALARM')));
      expect(fired.body.outcome).toBe('new-alert');
    }
    cloudWatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        describedMetricAlarm({ name: 'Lost-OK-CPU', arn: arnOf('Lost-OK-CPU'), stateValue: 'OK' }),
        describedMetricAlarm({
          name: 'Still-Firing-CPU',
          arn: arnOf('Still-Firing-CPU'),
          stateValue: 'ALARM',
        }),
      ],
      CompositeAlarms: [],
    });

    // Act
    const swept = await h.klaxon.core.sweep();

    // Assess
    expect(swept.alarmsReconciled).toBe(1);
    const input = cloudWatch.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input;
    expect(input?.AlarmTypes).toEqual(['CompositeAlarm', 'MetricAlarm']);
    expect(input?.AlarmNames).toEqual(expect.arrayContaining(['Lost-OK-CPU', 'Still-Firing-CPU']));
    const lost = await h.store.alerts.loadAlert(alertIdOf(`cloudwatch-alarm:${arnOf('Lost-OK-CPU')}`));
    const firing = await h.store.alerts.loadAlert(alertIdOf(`cloudwatch-alarm:${arnOf('Still-Firing-CPU')}`));
    expect(lost.record).toMatchObject({ status: 'resolved', resolvedBy: 'event', lastStateLabel: 'OK' });
    expect(firing.record?.status).toBe('open');
    const root = h.slack.messages('C0ALERTS').find((m) => JSON.stringify(m.blocks).includes('Lost-OK-CPU'));
    expect(JSON.stringify(root?.blocks)).toMatch(/Resolved/);
    const note = JSON.stringify(root?.replies.at(-1)?.blocks);
    expect(note).toContain('the alarm is OK in CloudWatch; its recovery notification never arrived');
    expect(note).toContain('found by reconciliation');
  });
});

describe('alarm reconciliation across regions', () => {
  const regional = useHarness();

  it('asks each alarm’s own region, the alarms of that region only', async () => {
    // Prepare: the harness's clients are in us-east-1; one alarm fires in ap-northeast-2, one in eu-west-1.
    const west = {
      ...alarm('West-Region-CPU', 'ALARM'),
      AlarmArn: 'arn:aws:cloudwatch:eu-west-1:257706363616:alarm:West-Region-CPU',
    };
    for (const message of [alarm('Seoul-Region-CPU', 'ALARM'), west]) {
      expect((await regional.postSns(regional.signer.notification(testTopicArn, message))).body.outcome).toBe(
        'new-alert',
      );
    }
    cloudWatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });

    // Act
    await regional.klaxon.core.sweep();

    // Assess
    const asked = await Promise.all(
      cloudWatch.commandCalls(DescribeAlarmsCommand).map(async (call) => ({
        region: await (call.thisValue as CloudWatchClient).config.region(),
        names: call.args[0].input.AlarmNames?.filter((name) => name.endsWith('-Region-CPU')),
      })),
    );
    expect(asked).toEqual(
      expect.arrayContaining([
        { region: 'ap-northeast-2', names: ['Seoul-Region-CPU'] },
        { region: 'eu-west-1', names: ['West-Region-CPU'] },
      ]),
    );
    expect(asked.filter((call) => call.region === 'us-east-1')).toEqual([]);
  });
});
