import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_PATTERNS } from '../../infra/constructs/alert-event-rules.ts';
import { KlaxonStack, type KlaxonStackProps } from '../../infra/klaxon-stack.ts';
import { ENV, functionLogicalId, useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();

const OPERATIONS: Partial<KlaxonStackProps> = {
  operatorEmail: 'oncall@example.com',
  eventRules: { cloudWatchAlarmStateChange: true },
  reservedConcurrency: { snsHandler: 20, worker: 5 },
  oldestPendingAlarmSeconds: 600,
};

const alertsTopic = { Ref: expect.stringMatching(/^AlertsTopic[0-9A-F]+$/) };
const operatorTopic = { Ref: expect.stringMatching(/^OperatorTopic/) };

describe('KlaxonStack operations: sources wired, watching itself', () => {
  let template: Template;

  beforeAll(() => {
    ({ template } = ws.synth(OPERATIONS));
  });

  it('sends Glue, EMR, Macie and alarm state changes to the alerts topic through EventBridge rules', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter(
      (rule) => rule.Properties.EventPattern,
    );
    expect(rules.map((rule) => rule.Properties.EventPattern)).toEqual([
      {
        source: ['aws.glue'],
        'detail-type': ['Glue Job State Change'],
        detail: EVENT_PATTERNS.glueJobStateChange.detail,
      },
      {
        source: ['aws.emr'],
        'detail-type': ['EMR Step Status Change'],
        detail: EVENT_PATTERNS.emrStepStatusChange.detail,
      },
      { source: ['aws.macie'], 'detail-type': ['Macie Finding'] },
      { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] },
    ]);
    expect(EVENT_PATTERNS.glueJobStateChange.detail.state).toEqual([
      'FAILED',
      'TIMEOUT',
      'STOPPED',
      'ERROR',
      'SUCCEEDED',
    ]);
    expect(EVENT_PATTERNS.emrStepStatusChange.detail.state).toEqual(['FAILED', 'INTERRUPTED', 'COMPLETED']);
    for (const rule of rules) {
      expect(rule.Properties.Targets).toEqual([
        expect.objectContaining({ Arn: { Ref: expect.stringMatching(/^AlertsTopic/) } }),
      ]);
    }
  });

  it('lets only this account’s rules and alarms publish, and use the topic key', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const publishers = statements.filter((s) => s.Action === 'sns:Publish' && s.Effect === 'Allow');
    expect(publishers.length).toBeGreaterThanOrEqual(3);
    for (const s of publishers) {
      expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
      expect(JSON.stringify(s.Condition.ArnLike['aws:SourceArn'])).toMatch(
        /:(events:.*:rule\/\*|cloudwatch:.*:alarm:\*)/,
      );
    }
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('alarms on its functions, queues, deliveries, sweep and rules, to the operator e-mail and to Slack', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: Match.stringLikeRegexp('^OperatorTopic') },
    });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    for (const a of alarms) {
      expect(a.AlarmActions).toEqual([operatorTopic, alertsTopic]);
      expect(a.OKActions).toHaveLength(2);
      expect(a.AlarmName).toBeUndefined();
    }
    const on = (metric: string) => alarms.filter((a) => a.MetricName === metric);
    for (const name of ['sns-handler', 'slack-handler', 'worker-handler']) {
      const dims = { Name: 'FunctionName', Value: { Ref: functionLogicalId(template, name) } };
      expect(on('Errors').map((a) => a.Dimensions[0])).toContainEqual(dims);
      expect(on('Throttles').map((a) => a.Dimensions[0])).toContainEqual(dims);
    }
    const queues = on('ApproximateNumberOfMessagesVisible').map(
      (a) => a.Dimensions[0].Value['Fn::GetAtt'][0],
    );
    expect(queues.sort()).toEqual([
      expect.stringMatching(/^AsyncFailureQueue/),
      expect.stringMatching(/^DeadLetterQueue/),
    ]);
    for (const metric of ['SnsDeliveriesRefused', 'SnsDeliveriesFailed', 'SweepFailures', 'SelfAlarms']) {
      expect(on(metric)).toEqual([expect.objectContaining({ Namespace: 'Klaxon/KlaxonTest', Threshold: 0 })]);
    }
    expect(on('OldestPendingSeconds')).toEqual([
      expect.objectContaining({ Threshold: 600, Statistic: 'Maximum' }),
    ]);
    expect(on('FailedInvocations')).toHaveLength(4);
  });

  it('turns the log lines into the metrics the alarms watch', () => {
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter')).map((f) => ({
      pattern: f.Properties.FilterPattern,
      metric: f.Properties.MetricTransformations[0],
    }));
    const byMetric = (name: string) => filters.filter((f) => f.metric.MetricName === name);
    expect(byMetric('SnsDeliveriesRefused').map((f) => f.pattern)).toContain(
      '{ ($.msg = "notification" || $.path = "/sns") && $.status >= 400 && $.status < 500 }',
    );
    expect(byMetric('SnsDeliveriesFailed')).toHaveLength(2);
    expect(byMetric('SweepFailures').map((f) => [f.pattern, f.metric.MetricValue])).toEqual([
      // The worker logs sweepOnce's result (src/app/periodic-sweep.ts) on its `sweep` line.
      ['{ $.msg = "sweep" && $.outboxesFailed > 0 }', '$.outboxesFailed'],
      ['{ $.outcome = "sweep-failed" }', '1'],
    ]);
    expect(byMetric('OldestPendingSeconds')[0]).toMatchObject({
      pattern: '{ $.msg = "sweep" && $.oldestPendingSeconds >= 0 }',
      metric: { MetricValue: '$.oldestPendingSeconds', MetricNamespace: 'Klaxon/KlaxonTest' },
    });
    expect(byMetric('SelfAlarms').map((f) => f.pattern)).toEqual(
      Array(3).fill('{ $.outcome = "unsubscribed" || $.outcome = "channel-refused" }'),
    );
  });

  it('reserves the configured concurrency', () => {
    const concurrency = (name: string) =>
      template.findResources('AWS::Lambda::Function')[functionLogicalId(template, name)]?.Properties
        .ReservedConcurrentExecutions;
    expect(concurrency('sns-handler')).toBe(20);
    expect(concurrency('worker-handler')).toBe(5);
    expect(concurrency('slack-handler')).toBeUndefined();
  });
});

describe('two Klaxon stacks in one account and region', () => {
  it('synthesize with no fixed physical names, and count their metrics apart', () => {
    // Prepare + Act
    const app = new App({ outdir: `${ws.dir}/two-stacks` });
    const stacks = ['KlaxonStaging', 'KlaxonProduction'].map(
      (id) =>
        new KlaxonStack(app, id, { env: ENV, bundleDir: ws.bundleDir, operatorEmail: 'ops@example.com' }),
    );
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    app.synth();
    // Assess
    const physicalNames = [
      'TopicName',
      'AlarmName',
      'FunctionName',
      'TableName',
      'QueueName',
      'RoleName',
      'LogGroupName',
      'ManagedPolicyName',
      'Name',
      'AliasName',
    ];
    const namespaces = stacks.map((stack) => {
      const resources = Object.values(Template.fromStack(stack).toJSON().Resources) as {
        Type: string;
        Properties?: Record<string, unknown>;
      }[];
      for (const { Type, Properties = {} } of resources) {
        // A name given as a literal is fixed; a Ref or GetAtt points at a name CloudFormation generated.
        for (const key of physicalNames) expect(typeof Properties[key], `${Type}.${key}`).not.toBe('string');
      }
      const filters = resources.filter((r) => r.Type === 'AWS::Logs::MetricFilter');
      return new Set(
        filters.map(
          (f) =>
            (f.Properties?.MetricTransformations as { MetricNamespace: string }[] | undefined)?.[0]
              ?.MetricNamespace,
        ),
      );
    });
    expect([...namespaces[0]!]).toEqual(['Klaxon/KlaxonStaging']);
    expect([...namespaces[1]!]).toEqual(['Klaxon/KlaxonProduction']);
  });
});
