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

  it('gives each function only its own extra permissions', () => {
    const byRole = (name: string) => {
      const roleId =
        template.findResources('AWS::Lambda::Function')[functionLogicalId(template, name)]?.Properties.Role[
          'Fn::GetAtt'
        ][0];
      const policies = Object.values({
        ...template.findResources('AWS::IAM::Policy'),
        ...template.findResources('AWS::IAM::ManagedPolicy'),
      }).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
      return policies.flatMap((p) =>
        (p.Properties.PolicyDocument.Statement as Statement[]).flatMap(actionsOf),
      );
    };
    const sns = byRole('sns-handler');
    const slack = byRole('slack-handler');
    const worker = byRole('worker-handler');
    for (const actions of [sns, slack, worker]) {
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'secretsmanager:GetSecretValue']));
    }
    expect(slack).toEqual(
      expect.arrayContaining([
        'lambda:InvokeFunction',
        'glue:StartJobRun',
        'glue:GetJobRun',
        'glue:GetJobRuns',
      ]),
    );
    expect(worker).toEqual(
      expect.arrayContaining(['cloudtrail:LookupEvents', 'logs:StartQuery', 'athena:StartQueryExecution']),
    );
    expect(sns).not.toEqual(expect.arrayContaining(['lambda:InvokeFunction']));
    expect(worker).not.toContain('glue:StartJobRun');
    expect(sns).not.toContain('athena:StartQueryExecution');
    expect(slack).not.toContain('cloudtrail:LookupEvents');
  });

  it('scopes the rerun, invoke and Athena statements to the named resources', () => {
    const statements = statementsOf(template, 'AWS::IAM::Policy');
    const find = (action: string) => statements.find((s) => actionsOf(s).includes(action));
    expect(JSON.stringify(find('glue:StartJobRun')?.Resource)).toContain(':job/nightly-etl');
    expect(find('glue:GetJobRuns')).toBe(find('glue:StartJobRun'));
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
