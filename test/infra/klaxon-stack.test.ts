import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { loadLambdaSettings } from '../../src/lambda/lambda-settings.ts';
import {
  deployedEnvironment,
  exportedHandlerType,
  FULL_OPTIONS,
  functionLogicalId,
  HANDLER_NAMES,
  OTHER_REGION_TOPIC,
  SAME_REGION_TOPIC,
  stagedCodeDir,
  useWorkspace,
} from './klaxon-test-kit.ts';

const ws = useWorkspace();

describe('KlaxonStack with every option', () => {
  let template: Template;
  let templateJson: string;
  let outdir: string;

  beforeAll(() => {
    // Prepare + Act: one full synth with cdk-nag; a throw here is an unacknowledged finding.
    ({ template, outdir } = ws.synth(FULL_OPTIONS));
    templateJson = JSON.stringify(template.toJSON());
  });

  it('has one DynamoDB table with pk/sk, gsi1, gsi2, TTL, on-demand billing, PITR and retention', () => {
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
          { AttributeName: 'gsi2pk', AttributeType: 'S' },
          { AttributeName: 'gsi2sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: ['gsi1', 'gsi2'].map((name) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: `${name}pk`, KeyType: 'HASH' },
            { AttributeName: `${name}sk`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: name === 'gsi1' ? 'ALL' : 'KEYS_ONLY' },
        })),
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
      KLAXON_CONFIG_JSON: '{"routes":[{"match":{"source":"glue"},"channel":"C0DATA"}]}',
      KLAXON_ALLOWED_TOPIC_ARNS: {
        'Fn::Join': [
          ',',
          [
            { Ref: Match.stringLikeRegexp('^AlertsTopic') },
            `${SAME_REGION_TOPIC},${OTHER_REGION_TOPIC},arn:aws:sns:eu-west-1:444455556666:partner`,
          ],
        ],
      },
    });
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: env } },
    });
    expect(Object.keys(fns)).toHaveLength(3);
    for (const fn of Object.values(fns)) {
      // Bundles carry no source maps unless built with KLAXON_SOURCEMAP=1, so nothing asks Node to read them.
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    }
    const workerId = functionLogicalId(template, 'worker-handler');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Klaxon slack-handler',
      Environment: { Variables: Match.objectLike({ KLAXON_WORKER_FUNCTION_NAME: { Ref: workerId } }) },
    });
  });

  it('sets an environment the handlers accept (lambda-settings, load-config)', () => {
    for (const name of HANDLER_NAMES) {
      const env = deployedEnvironment(template, name);
      for (const value of Object.values(env)) expect(value).toBeTypeOf('string');
      const settings = loadLambdaSettings(env);
      expect(settings.allowedTopicArns).toHaveLength(2);
      // The Slack function hands slow work to the worker, the SNS function its enrichment lookups.
      expect(settings.KLAXON_WORKER_FUNCTION_NAME !== undefined).toBe(name !== 'worker-handler');
      // Only the function that serves Slack's requests checks their app.
      expect(settings.SLACK_APP_ID).toBe(name === 'slack-handler' ? 'A0KLAXON1' : undefined);
      expect(loadConfig(env).routes).toHaveLength(1);
    }
  });

  it('deploys each function as index.handler from a bundle whose index.mjs exports handler', async () => {
    for (const name of HANDLER_NAMES) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `Klaxon ${name}`,
        Handler: 'index.handler',
      });
      const codeDir = stagedCodeDir(template, outdir, name);
      expect(existsSync(join(codeDir, 'index.mjs'))).toBe(true);
      expect(await exportedHandlerType(join(codeDir, 'index.mjs'))).toBe('function');
    }
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

  it('subscribes the sns-handler to the alerts topic (KMS) and the extra topics, with a DLQ where SNS allows one', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Klaxon alerts',
      TopicName: Match.absent(),
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
