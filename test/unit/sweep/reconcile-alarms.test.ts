import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeAlarmStates } from '../../../src/aws/describe-alarm-states.ts';
import {
  createReconcileGate,
  decideReconciledResolve,
  findRecovered,
  selectReconcilable,
} from '../../../src/core/sweep/reconcile-alarms.ts';
import type { AlertRecord } from '../../../src/model/records.ts';
import { describedMetricAlarm } from '../../helpers/aws-responses.ts';
import { later, sampleMute, sampleRecord, t0 } from '../buttons/sample-record.ts';
import { buildAlert } from '../render/sample-views.ts';

const cloudWatch = mockClient(CloudWatchClient);
beforeEach(() => cloudWatch.reset());

const arn = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPU-web';
const alarmRecord = (overrides: Partial<AlertRecord> = {}) =>
  sampleRecord({ alertKey: `cloudwatch-alarm:${arn}`, alert: buildAlert('cloudwatchAlarm'), ...overrides });
const okState = { arn, name: 'HighCPU-web', stateValue: 'OK', stateReason: 'Threshold Crossed: back under' };

describe('selectReconcilable and findRecovered', () => {
  it('take open alarm alerts keyed by ARN, and those whose alarm is OK', () => {
    const firing = alarmRecord();
    const resolved = alarmRecord({ alertId: 'r', status: 'resolved' });
    const noArn = alarmRecord({
      alertId: 'n',
      alertKey: 'cloudwatch-alarm:123456789012:us-east-1:HighCPU-web',
    });
    const macie = sampleRecord({ alertId: 'm' });

    const candidates = selectReconcilable([firing, resolved, noArn, macie]);
    const states = new Map([[arn, okState]]);

    expect(candidates.map((r) => r.alertId)).toEqual(['alert-1']);
    expect(findRecovered(candidates, states)).toEqual([{ alertId: 'alert-1', state: okState }]);
    expect(findRecovered(candidates, new Map([[arn, { ...okState, stateValue: 'ALARM' }]]))).toEqual([]);
  });
});

describe('decideReconciledResolve', () => {
  it('resolves as a recovery would, with the note for the thread', () => {
    const change = decideReconciledResolve(okState)({ record: alarmRecord() }, later(5));

    expect(change?.next).toMatchObject({
      status: 'resolved',
      resolvedBy: 'event',
      lastStateLabel: 'OK',
      version: 4,
    });
    expect(change?.steps).toEqual([
      { kind: 'update-root' },
      {
        kind: 'reply',
        reply: {
          kind: 'reconciled',
          at: later(5).toISOString(),
          stateValue: 'OK',
          stateReason: okState.stateReason,
        },
      },
    ]);
  });

  it('ends a mute "until resolved" with its summary, and leaves an alert under a timed mute alone', () => {
    const untilResolved = sampleMute({ until: undefined });
    const timed = sampleMute({ until: later(60).toISOString() });

    const ended = decideReconciledResolve(okState)({ record: alarmRecord(), mute: untilResolved }, later(5));
    const kept = decideReconciledResolve(okState)({ record: alarmRecord(), mute: timed }, later(5));

    expect(ended?.endMute).toEqual(untilResolved);
    expect(kept).toBeUndefined();
  });

  it('changes nothing when a notification resolved the alert first', () => {
    const change = decideReconciledResolve(okState)({ record: alarmRecord({ status: 'resolved' }) }, t0);

    expect(change).toBeUndefined();
  });
});

describe('describeAlarmStates', () => {
  it('asks for metric and composite alarms, 100 names a call, following NextToken', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `alarm-${i}`);
    cloudWatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [describedMetricAlarm({ name: 'alarm-0', arn, stateValue: 'OK' })],
        NextToken: 't2',
      })
      .resolves({ MetricAlarms: [], CompositeAlarms: [] });

    const states = await describeAlarmStates(new CloudWatchClient({ region: 'us-east-1' }), names);

    const inputs = cloudWatch.commandCalls(DescribeAlarmsCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => [input.AlarmNames?.length, input.NextToken])).toEqual([
      [100, undefined],
      [100, 't2'],
      [50, undefined],
    ]);
    expect(inputs[0]?.AlarmTypes).toEqual(['CompositeAlarm', 'MetricAlarm']);
    expect(states.get(arn)).toMatchObject({ name: 'alarm-0', stateValue: 'OK' });
  });
});

describe('createReconcileGate', () => {
  it('runs at most once per interval and turns an AWS failure into a logged miss', async () => {
    let nowMs = t0.getTime();
    const errors: unknown[] = [];
    let runs = 0;
    const gate = createReconcileGate({
      intervalMs: 5 * 60_000,
      nowMs: () => nowMs,
      reconcile: async () => {
        runs++;
        if (runs === 2) throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
        return 1;
      },
      onError: (error) => errors.push(error),
    });

    expect(await gate()).toBe(1);
    nowMs += 4 * 60_000;
    expect(await gate()).toBe(0);
    nowMs += 60_000;
    expect(await gate()).toBe(0);

    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
