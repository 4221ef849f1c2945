import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  FULL_OPTIONS,
  functionLogicalId,
  type Statement,
  statementsOf,
  useWorkspace,
} from './klaxon-test-kit.ts';

const ws = useWorkspace();

describe('KlaxonStack IAM with every option', () => {
  let template: Template;

  beforeAll(() => {
    ({ template } = ws.synth(FULL_OPTIONS));
  });

  it('scopes IAM: only APIs without resource-level permissions get "*"', () => {
    const statements = [
      ...statementsOf(template, 'AWS::IAM::Policy'),
      ...statementsOf(template, 'AWS::IAM::ManagedPolicy'),
    ];
    const starAllowed = new Set([
      'cloudtrail:LookupEvents',
      'logs:GetQueryResults',
      'logs:StopQuery',
      'cloudwatch:DescribeAlarms',
      'cloudwatch:GetMetricWidgetImage',
    ]);
    for (const s of statements) {
      for (const action of actionsOf(s)) expect(action).not.toContain('*');
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      if (resources.includes('*')) for (const action of actionsOf(s)) expect(starAllowed).toContain(action);
    }
  });

  it('grants each function exactly the calls its code makes, and nothing unused', () => {
    const common = [
      ...['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'].map(
        (a) => `dynamodb:${a}`,
      ),
      'secretsmanager:GetSecretValue',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ];
    const athena = [
      ...['StartQueryExecution', 'GetQueryExecution', 'GetQueryResults', 'StopQueryExecution'].map(
        (a) => `athena:${a}`,
      ),
      ...['GetDatabase', 'GetTable', 'GetPartitions'].map((a) => `glue:${a}`),
      ...['GetObject', 'PutObject', 'AbortMultipartUpload', 'ListMultipartUploadParts'].map((a) => `s3:${a}`),
      ...['GetBucketLocation', 'ListBucket', 'ListBucketMultipartUploads'].map((a) => `s3:${a}`),
    ];
    const enrichment = [
      'cloudwatch:DescribeAlarms',
      'cloudwatch:GetMetricWidgetImage',
      ...['DescribeMetricFilters', 'FilterLogEvents', 'GetLogEvents'].map((a) => `logs:${a}`),
      'glue:GetJobRun',
      'elasticmapreduce:DescribeStep',
    ];
    // Buttons' work runs in the worker (the Slack function answers first), or in the Slack function when the
    // hand-off fails: both may rerun a Glue job.
    const rerun = ['GetJobRun', 'GetJobRuns', 'StartJobRun'].map((a) => `glue:${a}`);
    const expected = {
      'sns-handler': [...common, 'sqs:SendMessage', 'lambda:InvokeFunction'],
      'slack-handler': [...common, 'lambda:InvokeFunction', ...rerun, 'sns:ConfirmSubscription'],
      'worker-handler': [
        ...common,
        'sqs:SendMessage',
        'cloudtrail:LookupEvents',
        ...['StartQuery', 'GetQueryResults', 'StopQuery'].map((a) => `logs:${a}`),
        ...enrichment,
        ...rerun,
        ...athena,
      ],
    };
    for (const [name, actions] of Object.entries(expected)) {
      expect(actionsOfRole(template, name), name).toEqual([...new Set(actions)].sort());
    }
  });

  it('grants no enrichment lookup that the settings switch off', () => {
    const off = { alarmGraphs: false, logs: false, glueRuns: false, emrSteps: false, cloudTrail: false };
    const { template: without } = ws.synth({ ...FULL_OPTIONS, enrichment: off });
    const worker = actionsOfRole(without, 'worker-handler');
    for (const action of ['cloudwatch:GetMetricWidgetImage', 'logs:FilterLogEvents']) {
      expect(worker).not.toContain(action);
    }
    // The sweep's reconciliation reads the alarms' real state whatever the enrichments: that grant stays.
    expect(worker).toContain('cloudwatch:DescribeAlarms');
    expect(worker).not.toContain('elasticmapreduce:DescribeStep');
    const sids = statementsOf(without, 'AWS::IAM::Policy').map((s) => (s as { Sid?: string }).Sid ?? '');
    expect(sids.filter((sid) => sid.startsWith('Enrich'))).toEqual([]);
    // The /klaxon trail query still needs LookupEvents: that grant is the query's, not the enrichment's.
    expect(worker).toContain('cloudtrail:LookupEvents');
  });

  it('lets the lookups and the rerun reach every region an alert topic is in, and no other', () => {
    // FULL_OPTIONS: the stack in eu-west-1, one subscribed topic in us-east-1.
    const { template: defaults } = ws.synth({ ...FULL_OPTIONS, logsQueryLogGroupArns: undefined });
    const statements = [
      ...statementsOf(defaults, 'AWS::IAM::Policy'),
      ...statementsOf(defaults, 'AWS::IAM::ManagedPolicy'),
    ];
    const regionsOf = (action: string) => {
      const statement = statements.find((s) => actionsOf(s).includes(action));
      const text = JSON.stringify(statement?.Resource);
      return ['eu-west-1', 'us-east-1', 'us-west-2'].filter((region) => text.includes(`:${region}:`));
    };
    for (const action of [
      'glue:GetJobRun',
      'glue:StartJobRun',
      'logs:FilterLogEvents',
      'elasticmapreduce:DescribeStep',
    ]) {
      expect([action, regionsOf(action)]).toEqual([action, ['eu-west-1', 'us-east-1']]);
    }
  });

  it('scopes the rerun, invoke and Athena statements to the named resources', () => {
    const statements = [
      ...statementsOf(template, 'AWS::IAM::Policy'),
      ...statementsOf(template, 'AWS::IAM::ManagedPolicy'),
    ];
    const find = (action: string) => statements.find((s) => actionsOf(s).includes(action));
    expect(JSON.stringify(find('glue:StartJobRun')?.Resource)).toContain(':job/nightly-etl');
    expect(find('glue:GetJobRuns')).toBe(find('glue:StartJobRun'));
    expect(find('sns:ConfirmSubscription')?.Resource).toBe('arn:aws:sns:eu-west-1:444455556666:partner');
    expect(find('lambda:InvokeFunction')?.Resource).toEqual({
      'Fn::GetAtt': [functionLogicalId(template, 'worker-handler'), 'Arn'],
    });
    expect(JSON.stringify(find('athena:StartQueryExecution')?.Resource)).toContain(':workgroup/klaxon');
    expect(JSON.stringify(find('glue:GetTable')?.Resource)).toContain(':table/security/cloudtrail_logs');
    expect(JSON.stringify(find('s3:PutObject')?.Resource)).toContain(':s3:::athena-results-bucket/klaxon/*');
    expect(find('logs:StartQuery')?.Resource).toBe(
      'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/app:*',
    );
  });
});

/** Every action any policy attached to the function's role allows, sorted, without repeats. */
function actionsOfRole(template: Template, name: string): string[] {
  const roleId =
    template.findResources('AWS::Lambda::Function')[functionLogicalId(template, name)]?.Properties.Role[
      'Fn::GetAtt'
    ][0];
  const policies = Object.values({
    ...template.findResources('AWS::IAM::Policy'),
    ...template.findResources('AWS::IAM::ManagedPolicy'),
  }).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
  const actions = policies.flatMap((p) =>
    (p.Properties.PolicyDocument.Statement as Statement[]).flatMap(actionsOf),
  );
  return [...new Set(actions)].sort();
}
