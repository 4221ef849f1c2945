import { type CompositeAlarm, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '../../aws/aws-clients.ts';
import type { Enricher } from '../../model/enrichment.ts';
import { readAlarmShape } from './alarm-trigger.ts';
import { reasonOf } from './look-up-enrichment.ts';

/** DescribeAlarms takes at most 100 names. */
const maxNames = 100;

/**
 * The alarms a composite's rule names, with the state each is in now, and the actions suppressor when it
 * holds the composite's actions back.
 */
export const lookUpCompositeChildren: Enricher<Pick<AwsClients, 'cloudWatch'>> = async (
  alert,
  clients,
  context,
) => {
  const shape = readAlarmShape(alert);
  if (shape?.kind !== 'composite') return { kind: 'none' };
  const children = alarmNamesOfRule(shape.rule);
  if (children.length === 0) return { kind: 'none' };
  try {
    const answer = await clients.cloudWatch.send(
      new DescribeAlarmsCommand({
        AlarmNames: [alert.name, ...children].slice(0, maxNames),
        AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
      }),
      { abortSignal: context.signal },
    );
    const found = [...(answer.MetricAlarms ?? []), ...(answer.CompositeAlarms ?? [])];
    const byName = new Map(found.map((alarm) => [alarm.AlarmName, alarm]));
    const lines = children.map((name) => childLine(name, byName.get(name)));
    const self = answer.CompositeAlarms?.find((alarm) => alarm.AlarmName === alert.name);
    const suppressed = suppressorLine(self);
    return { kind: 'lines', title: 'Child alarms now', lines: suppressed ? [...lines, suppressed] : lines };
  } catch (error) {
    return { kind: 'unavailable', what: 'child alarms', reason: reasonOf(error) };
  }
};

/** `ALARM(name)`, `OK("name")`, `INSUFFICIENT_DATA(arn)`: the alarms a rule names, by name, in order. */
export function alarmNamesOfRule(rule: string): string[] {
  const names = [...rule.matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\(\s*"?([^)"]+?)"?\s*\)/g)].map((match) =>
    nameOfAlarmRef(match[1] ?? ''),
  );
  return [...new Set(names.filter((name) => name.length > 0))];
}

function nameOfAlarmRef(ref: string): string {
  const marker = ':alarm:';
  const at = ref.indexOf(marker);
  return (at >= 0 ? ref.slice(at + marker.length) : ref).trim();
}

function childLine(name: string, alarm: MetricAlarm | CompositeAlarm | undefined): string {
  if (!alarm) return `${name}: not found`;
  const since = alarm.StateUpdatedTimestamp ? ` since ${alarm.StateUpdatedTimestamp.toISOString()}` : '';
  return `${name}: ${alarm.StateValue ?? 'unknown'}${since}`;
}

/** Said only while the suppressor holds the actions back (the wait or extension period, or in alarm). */
function suppressorLine(composite: CompositeAlarm | undefined): string | undefined {
  const by = composite?.ActionsSuppressedBy;
  if (!composite?.ActionsSuppressor || !by) return undefined;
  const reason = composite.ActionsSuppressedReason ? `: ${composite.ActionsSuppressedReason}` : '';
  return `Actions suppressed by ${nameOfAlarmRef(composite.ActionsSuppressor)} (${by})${reason}`;
}
