import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import type { KlaxonStack } from '../../infra/klaxon-stack.ts';
import { actionsOf, statementsOf, useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();

describe('KlaxonStack with defaults', () => {
  it('synthesizes clean under cdk-nag and grants no Athena access without cloudTrailQuery', () => {
    const { template } = ws.synth();
    const actions = [
      ...statementsOf(template, 'AWS::IAM::Policy'),
      ...statementsOf(template, 'AWS::IAM::ManagedPolicy'),
    ].flatMap(actionsOf);
    expect(actions).not.toContain('athena:StartQueryExecution');
    // No HTTPS topic allowed: nothing to confirm (Lambda subscriptions are confirmed by SNS itself).
    expect(actions).not.toContain('sns:ConfirmSubscription');
    expect(actions).toContain('glue:StartJobRun');
    template.resourceCountIs('AWS::SNS::Subscription', 1);
  });

  it('fails the synth on an unacknowledged cdk-nag finding (the checks are really on)', () => {
    const addWildcard = (stack: KlaxonStack) => {
      stack.functions.worker.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }),
      );
    };
    expect(() => ws.synth({}, addWildcard)).toThrow(/AwsSolutions-IAM5/);
  });

  it('refuses to synth without a bundle', () => {
    expect(() => ws.synth({ bundleDir: join(ws.dir, 'missing') })).toThrow(/npm run build/);
  });

  it('sets KLAXON_LOG_LEVEL only when asked, and only to a level the logger knows', () => {
    const { template } = ws.synth({ logLevel: 'debug' });
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: Match.objectLike({ KLAXON_LOG_LEVEL: 'debug' }) } },
    });
    expect(Object.keys(fns)).toHaveLength(3);
    expect(() => ws.synth({ logLevel: 'verbose' })).toThrow(/logLevel/);
  });

  it('lets the Slack function confirm the HTTPS topics the config allows, wildcards included', () => {
    const config = { sns: { allowedTopicArns: ['arn:aws:sns:eu-west-1:444455556666:team-*'] } };
    const { template } = ws.synth({ config });
    const confirm = statementsOf(template, 'AWS::IAM::Policy').find((s) =>
      actionsOf(s).includes('sns:ConfirmSubscription'),
    );
    expect(confirm?.Resource).toBe('arn:aws:sns:eu-west-1:444455556666:team-*');
  });

  it('keeps the logical IDs of the stateful resources (a new ID would replace them on deploy)', () => {
    const { template } = ws.synth();
    const ids = Object.keys(template.toJSON().Resources);
    expect(ids).toEqual(
      expect.arrayContaining([
        'TableCD117FA1',
        'SlackSecretEA96F13F',
        'AlertsTopic3414BE91',
        'AlertsTopicKey0FC2FEB5',
        'DeadLetterQueue9F481546',
      ]),
    );
  });
});
