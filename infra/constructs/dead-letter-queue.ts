import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where what could not be processed ends up: SNS deliveries the sns-handler never got, and async invocations of
 * the sns-handler and the worker that still failed after Lambda's retries. Kept 14 days.
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue: of the SNS subscriptions and of the async invocations of ' +
        'sns-handler and worker (Lambda on-failure destination); a DLQ of a DLQ adds nothing.',
    });
  }
}
