import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { acknowledgeOperatorWildcards, nagArnPrefix, wildcardFinding } from './nag-acknowledgements.ts';

export interface SlackHandlerPolicyProps {
  readonly role: iam.IRole;
  /** The function running slash-command queries, invoked asynchronously. */
  readonly worker: lambda.IFunction;
  /** Glue jobs the Rerun button may start (names or patterns); default: every job in this account+region. */
  readonly rerunGlueJobNames?: string[];
  /** Topics whose HTTPS subscriptions to `/sns` it confirms (ConfirmSubscription, AuthenticateOnUnsubscribe). */
  readonly confirmTopicArns: string[];
}

/**
 * The slack-handler's own permissions: hand slow work to the worker, rerun Glue jobs, and confirm the HTTPS
 * subscriptions that reach its `/sns` route. A rerun reads the failed run (GetJobRun), or for an alarm mapped to
 * a job looks up the latest failed run (GetJobRuns), then starts the job again (StartJobRun).
 */
export class SlackHandlerPolicy extends iam.Policy {
  constructor(scope: Construct, id: string, props: SlackHandlerPolicyProps) {
    const jobs = props.rerunGlueJobNames;
    const stack = Stack.of(scope);
    super(scope, id, {
      statements: [
        new iam.PolicyStatement({
          sid: 'HandOffSlowWorkToWorker',
          actions: ['lambda:InvokeFunction'],
          resources: [props.worker.functionArn],
        }),
        new iam.PolicyStatement({
          sid: 'RerunGlueJobs',
          actions: ['glue:GetJobRun', 'glue:GetJobRuns', 'glue:StartJobRun'],
          resources: (jobs ?? ['*']).map((job) =>
            stack.formatArn({ service: 'glue', resource: 'job', resourceName: job }),
          ),
        }),
        new iam.PolicyStatement({
          sid: 'ConfirmHttpsSubscriptions',
          actions: ['sns:ConfirmSubscription'],
          resources: props.confirmTopicArns,
        }),
      ],
      roles: [props.role],
    });
    this.acknowledgeJobWildcards(jobs);
    acknowledgeOperatorWildcards(this, props.confirmTopicArns);
  }

  private acknowledgeJobWildcards(jobs: string[] | undefined): void {
    const prefix = `${nagArnPrefix(this, 'glue')}:job/`;
    acknowledgeOperatorWildcards(
      this,
      (jobs ?? []).map((job) => `${prefix}${job}`),
    );
    if (jobs) return;
    Validations.of(this).acknowledge({
      id: wildcardFinding(`${prefix}*`),
      reason:
        'The rerun button works on any Glue job that alerts; restrict with the rerunGlueJobNames prop. The ' +
        'app-level permissions config decides who may press it.',
    });
  }
}
