import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';

/** An alarm's state as CloudWatch holds it now. */
export interface AlarmState {
  arn: string;
  name: string;
  /** OK, ALARM or INSUFFICIENT_DATA */
  stateValue: string;
  stateReason?: string;
  updatedAt?: Date;
}

/** DescribeAlarms takes at most 100 names a call. */
export const alarmNamesPerCall = 100;

/**
 * The current state of the named alarms, metric and composite, keyed by ARN (names repeat across accounts and
 * regions; the ARN says which one an alert is about). Names CloudWatch does not know are simply absent.
 */
export async function describeAlarmStates(
  cloudWatch: CloudWatchClient,
  names: string[],
  signal?: AbortSignal,
): Promise<Map<string, AlarmState>> {
  const states = new Map<string, AlarmState>();
  const unique = [...new Set(names)];
  for (let start = 0; start < unique.length; start += alarmNamesPerCall) {
    const batch = unique.slice(start, start + alarmNamesPerCall);
    let nextToken: string | undefined;
    do {
      const command = new DescribeAlarmsCommand({
        AlarmNames: batch,
        AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
        MaxRecords: 100,
        NextToken: nextToken,
      });
      const page = await cloudWatch.send(command, signal ? { abortSignal: signal } : {});
      for (const alarm of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) {
        if (!alarm.AlarmArn || !alarm.AlarmName || !alarm.StateValue) continue;
        states.set(alarm.AlarmArn, {
          arn: alarm.AlarmArn,
          name: alarm.AlarmName,
          stateValue: alarm.StateValue,
          ...(alarm.StateReason ? { stateReason: alarm.StateReason } : {}),
          ...(alarm.StateUpdatedTimestamp ? { updatedAt: alarm.StateUpdatedTimestamp } : {}),
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return states;
}
