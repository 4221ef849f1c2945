import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { KlaxonStack, type KlaxonStackProps, readConfigJson } from '../../infra/klaxon-stack.ts';

const HANDLER_NAMES = ['sns-handler', 'slack-handler', 'worker-handler'] as const;
const ENV = { account: '111122223333', region: 'eu-west-1' };
const SAME_REGION_TOPIC = 'arn:aws:sns:eu-west-1:111122223333:ops-alerts';
const OTHER_REGION_TOPIC = 'arn:aws:sns:us-east-1:111122223333:billing-alerts';

let workDir: string;
let bundleDir: string;

/** Synthesizes the whole app with cdk-nag attached: `app.synth()` throws on any unacknowledged finding. */
function synthKlaxon(props: Partial<KlaxonStackProps> = {}, tweak?: (stack: KlaxonStack) => void) {
  const app = new App({ outdir: mkdtempSync(join(workDir, 'cdk.out-')) });
  const stack = new KlaxonStack(app, 'KlaxonTest', { env: ENV, bundleDir, ...props });
  tweak?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

function statementsOf(template: Template, type: string): Statement[] {
  return Object.values(template.findResources(type)).flatMap(
    (r) => (r.Properties.PolicyDocument.Statement as Statement[]) ?? [],
  );
}

function actionsOf(s: Statement): string[] {
  return Array.isArray(s.Action) ? s.Action : [s.Action];
}

function functionLogicalId(template: Template, name: string): string {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, r]) => r.Properties.Description === `Klaxon ${name}`,
  );
  if (!found) throw new Error(`no function ${name}`);
  return found[0];
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'klaxon-infra-'));
  bundleDir = join(workDir, 'bundle');
  for (const name of HANDLER_NAMES) {
    mkdirSync(join(bundleDir, name), { recursive: true });
    writeFileSync(join(bundleDir, name, 'index.mjs'), 'export const handler = async () => ({});\n');
  }
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('KlaxonStack with every option', () => {
  let template: Template;
  let templateJson: string;

  beforeAll(() => {
    // Prepare + Act: one full synth with cdk-nag; a throw here is an unacknowledged finding.
    ({ template } = synthKlaxon({
      config: { routes: [{ match: { source: 'aws.glue' }, channel: 'C0DATA' }] },
      subscribeTopicArns: [SAME_REGION_TOPIC, OTHER_REGION_TOPIC],
      allowedTopicArns: ['arn:aws:sns:eu-west-1:444455556666:partner'],
      rerunGlueJobNames: ['nightly-etl'],
      logsQueryLogGroupArns: ['arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/app:*'],
      cloudTrailQuery: {
        glueDatabase: 'security',
        glueTable: 'cloudtrail_logs',
        bucketName: 'org-trail',
        bucketPrefix: 'AWSLogs/',
        athenaWorkGroup: 'klaxon',
        athenaOutputLocation: 's3://athena-results-bucket/klaxon/',
      },
    }));
    templateJson = JSON.stringify(template.toJSON());
  });

  it('has one DynamoDB table with pk/sk, gsi1, TTL, on-demand billing, PITR and retention', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('has three Node 22 arm64 functions with the agreed timeouts', () => {
    template.resourceCountIs('AWS::Lambda::Function', 3);
    const timeouts = { 'sns-handler': 30, 'slack-handler': 10, 'worker-handler': 900 };
    for (const [name, timeout] of Object.entries(timeouts)) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `Klaxon ${name}`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: timeout,
      });
    }
  });

  it('sets the environment variables the handlers read', () => {
    const env = Match.objectLike({
      KLAXON_TABLE_NAME: Match.anyValue(),
      KLAXON_SLACK_SECRET_ARN: Match.anyValue(),
      KLAXON_CONFIG_JSON: '{"routes":[{"match":{"source":"aws.glue"},"channel":"C0DATA"}]}',
      KLAXON_ALLOWED_TOPIC_ARNS: {
        'Fn::Join': [
          ',',
          [
            { Ref: Match.stringLikeRegexp('^AlertsTopic') },
            `${SAME_REGION_TOPIC},${OTHER_REGION_TOPIC},arn:aws:sns:eu-west-1:444455556666:partner`,
          ],
        ],
      },
      NODE_OPTIONS: '--enable-source-maps',
    });
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: env } },
    });
    expect(Object.keys(fns)).toHaveLength(3);
    const workerId = functionLogicalId(template, 'worker-handler');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Klaxon slack-handler',
      Environment: { Variables: Match.objectLike({ KLAXON_WORKER_FUNCTION_NAME: { Ref: workerId } }) },
    });
  });

  it('keeps secret values out of the template', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { GenerateStringKey: 'signingSecret', SecretStringTemplate: Match.anyValue() },
    });
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret'));
    for (const secret of secrets) expect(secret.Properties).not.toHaveProperty('SecretString');
    expect(templateJson).not.toMatch(/xox[abpr]-\d/);
    const fns = template.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(fns)) {
      expect(JSON.stringify(fn.Properties.Environment)).not.toMatch(/signingSecret|botToken|xox/);
    }
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
      expect.arrayContaining(['lambda:InvokeFunction', 'glue:StartJobRun', 'glue:GetJobRun']),
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

  it('exposes the slack-handler through a Function URL without IAM auth, as outputs', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [functionLogicalId(template, 'slack-handler'), 'Arn'] },
    });
    template.hasOutput('FunctionUrl', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionUrl'), 'FunctionUrl'] },
    });
    template.hasOutput('SlackRequestUrl', {
      Value: { 'Fn::Join': ['', [Match.anyValue(), 'slack/events']] },
    });
  });

  it('subscribes the sns-handler to klaxon-alerts (KMS) and the extra topics, with a DLQ where SNS allows one', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'klaxon-alerts',
      KmsMasterKeyId: Match.anyValue(),
    });
    const snsHandler = { 'Fn::GetAtt': [functionLogicalId(template, 'sns-handler'), 'Arn'] };
    const dlq = {
      deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetterQueue'), 'Arn'] },
    };
    template.resourceCountIs('AWS::SNS::Subscription', 3);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: snsHandler,
      TopicArn: { Ref: Match.stringLikeRegexp('^AlertsTopic') },
      RedrivePolicy: dlq,
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: SAME_REGION_TOPIC,
      RedrivePolicy: dlq,
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: OTHER_REGION_TOPIC,
      Region: 'us-east-1',
      RedrivePolicy: Match.absent(),
    });
  });

  it('runs the worker sweep every minute and sends async failures to the DLQ', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [functionLogicalId(template, 'worker-handler'), 'Arn'] } }),
      ],
    });
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 2);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});

describe('KlaxonStack with defaults', () => {
  it('synthesizes clean under cdk-nag and grants no Athena access without cloudTrailQuery', () => {
    const { template } = synthKlaxon();
    const actions = statementsOf(template, 'AWS::IAM::Policy').flatMap(actionsOf);
    expect(actions).not.toContain('athena:StartQueryExecution');
    expect(actions).toContain('glue:StartJobRun');
    template.resourceCountIs('AWS::SNS::Subscription', 1);
  });

  it('fails the synth on an unacknowledged cdk-nag finding (the checks are really on)', () => {
    const addWildcard = (stack: KlaxonStack) => {
      stack.functions.worker.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }),
      );
    };
    expect(() => synthKlaxon({}, addWildcard)).toThrow(/AwsSolutions-IAM5/);
  });

  it('refuses to synth without a bundle', () => {
    expect(() => synthKlaxon({ bundleDir: join(workDir, 'missing') })).toThrow(/npm run build/);
  });
});

describe('readConfigJson', () => {
  it('reads YAML and JSON files into compact JSON', () => {
    const yamlFile = join(workDir, 'klaxon.yaml');
    writeFileSync(yamlFile, 'routes:\n  - channel: C1\n');
    expect(readConfigJson({ configFile: yamlFile })).toBe('{"routes":[{"channel":"C1"}]}');
    const jsonFile = join(workDir, 'klaxon.json');
    writeFileSync(jsonFile, '{ "routes": [] }');
    expect(readConfigJson({ configFile: jsonFile })).toBe('{"routes":[]}');
    expect(readConfigJson({ config: '{"a":1}' })).toBe('{"a":1}');
  });

  it('refuses both sources at once and configs too large for a Lambda environment', () => {
    expect(() => readConfigJson({ config: {}, configFile: 'x.json' })).toThrow(/either/);
    expect(() => readConfigJson({ config: { big: 'x'.repeat(4000) } })).toThrow(/4 KB/);
  });
});

describe('slack-app-manifest.yaml', () => {
  const manifest = parseYaml(readFileSync(new URL('../../slack-app-manifest.yaml', import.meta.url), 'utf8'));

  it('declares the bot, /klaxon, interactivity, App Home and the request URLs', () => {
    const requestUrl = 'https://YOUR-KLAXON-HOST/slack/events';
    expect(manifest.display_information.name).toBe('Klaxon');
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]+$/);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: false });
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/klaxon', url: requestUrl, usage_hint: expect.any(String) }),
    ]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: requestUrl });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: requestUrl,
      bot_events: ['app_home_opened'],
    });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'groups:read',
        'usergroups:read',
        'users:read',
      ].sort(),
    );
  });
});
