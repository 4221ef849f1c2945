import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeOperatorWildcards, nagArnPrefix, wildcardFinding } from './nag-acknowledgements.ts';

/** The worker's enrichment lookups (the settings' `enrichment`); one switched off gets no grant. */
export interface EnrichmentSwitches {
  readonly alarmGraphs?: boolean;
  readonly logs?: boolean;
  readonly glueRuns?: boolean;
  readonly emrSteps?: boolean;
  readonly cloudTrail?: boolean;
}

export interface EnrichmentPolicyProps {
  readonly role: iam.IRole;
  readonly switches?: EnrichmentSwitches;
  /** Log groups the lookups may read; default every log group of this account in the alerts' regions. */
  readonly logGroupArns?: string[];
  /** The regions alerts come from: a job run, a step or a log group is read where it is; default: this stack's. */
  readonly regions?: readonly string[];
}

/**
 * What the worker reads to enrich an alert: the alarm and its graph, the log lines and metric filters behind it,
 * the Glue run, the EMR step, and who changed what (CloudTrail). Returns undefined when every lookup is off.
 */
export function createEnrichmentPolicy(scope: Construct, id: string, props: EnrichmentPolicyProps) {
  const on = {
    alarmGraphs: true,
    logs: true,
    glueRuns: true,
    emrSteps: true,
    cloudTrail: true,
    ...props.switches,
  };
  const stack = Stack.of(scope);
  const regions = props.regions ?? [stack.region];
  const anywhere = (service: string, resource: string) =>
    regions.map((region) =>
      stack.formatArn({ service, region, resource, arnFormat: ArnFormat.NO_RESOURCE_NAME }),
    );
  const statements: iam.PolicyStatement[] = [];
  const add = (enabled: boolean, sid: string, actions: string[], resources: string[]) => {
    if (enabled) statements.push(new iam.PolicyStatement({ sid, actions, resources }));
  };
  // "*": GetMetricWidgetImage has no resource-level permissions, and DescribeAlarms returns composite alarms
  // only when allowed on "*" (CloudWatch API reference); LookupEvents has no resource-level permissions.
  add(on.alarmGraphs, 'EnrichAlarmGraphs', ['cloudwatch:GetMetricWidgetImage'], ['*']);
  // Not switched with the graphs: the sweep's reconciliation (on by default) reads the alarms' real state too.
  add(true, 'DescribeAlarms', ['cloudwatch:DescribeAlarms'], ['*']);
  add(on.cloudTrail, 'EnrichWhoChanged', ['cloudtrail:LookupEvents'], ['*']);
  add(
    on.logs,
    'EnrichLogLines',
    ['logs:DescribeMetricFilters', 'logs:FilterLogEvents', 'logs:GetLogEvents'],
    props.logGroupArns ?? anywhere('logs', 'log-group:*'),
  );
  add(on.glueRuns, 'EnrichGlueRuns', ['glue:GetJobRun'], anywhere('glue', 'job/*'));
  add(
    on.emrSteps,
    'EnrichEmrSteps',
    ['elasticmapreduce:DescribeStep'],
    anywhere('elasticmapreduce', 'cluster/*'),
  );
  if (statements.length === 0) return undefined;
  const policy = new iam.Policy(scope, id, { statements, roles: [props.role] });
  acknowledgeEnrichmentWildcards(policy, props.logGroupArns, regions);
  return policy;
}

function acknowledgeEnrichmentWildcards(
  policy: iam.Policy,
  logGroupArns: string[] | undefined,
  regions: readonly string[],
): void {
  Validations.of(policy).acknowledge({
    id: wildcardFinding('*'),
    reason:
      'cloudwatch:GetMetricWidgetImage and cloudtrail:LookupEvents have no resource-level permissions, and ' +
      'DescribeAlarms returns composite alarms only when allowed on "*". All read-only.',
  });
  for (const region of regions) {
    Validations.of(policy).acknowledge(
      {
        id: wildcardFinding(`${nagArnPrefix(policy, 'glue', region)}:job/*`),
        reason: 'Any Glue job that alerts is looked up (GetJobRun, read-only).',
      },
      {
        id: wildcardFinding(`${nagArnPrefix(policy, 'elasticmapreduce', region)}:cluster/*`),
        reason: 'Any EMR cluster whose step alerts is looked up (DescribeStep, read-only).',
      },
      {
        id: wildcardFinding(`${nagArnPrefix(policy, 'logs', region)}:log-group:*`),
        reason: 'The log lines behind an alarm may be in any log group; restrict with logsQueryLogGroupArns.',
      },
    );
  }
  acknowledgeOperatorWildcards(policy, logGroupArns ?? []);
}
