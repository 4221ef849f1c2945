import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { acknowledgeOperatorWildcards } from './nag-acknowledgements.ts';

export interface SlackHandlerPolicyProps {
  readonly role: iam.IRole;
  /** The function running slash-command queries and button work, invoked asynchronously. */
  readonly worker: lambda.IFunction;
  /**
   * Topics whose HTTPS subscriptions to `/sns` it confirms (ConfirmSubscription, AuthenticateOnUnsubscribe):
   * the stack's allowedTopicArns and the config's sns.allowedTopicArns. None: no grant.
   */
  readonly confirmTopicArns: string[];
}

/**
 * The slack-handler's own permissions: hand slow work to the worker, and confirm the HTTPS subscriptions that
 * reach its `/sns` route. (Its Glue reruns are in GlueRerunPolicy, shared with the worker.)
 */
export class SlackHandlerPolicy extends iam.Policy {
  constructor(scope: Construct, id: string, props: SlackHandlerPolicyProps) {
    super(scope, id, {
      statements: [
        new iam.PolicyStatement({
          sid: 'HandOffSlowWorkToWorker',
          actions: ['lambda:InvokeFunction'],
          resources: [props.worker.functionArn],
        }),
        // Lambda subscriptions are confirmed by SNS itself; only HTTPS ones reach the code.
        ...(props.confirmTopicArns.length > 0
          ? [
              new iam.PolicyStatement({
                sid: 'ConfirmHttpsSubscriptions',
                actions: ['sns:ConfirmSubscription'],
                resources: props.confirmTopicArns,
              }),
            ]
          : []),
      ],
      roles: [props.role],
    });
    acknowledgeOperatorWildcards(this, props.confirmTopicArns);
  }
}
