import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where what could not be processed ends up, kept 14 days. Two of them, because their messages differ: the
 * SNS subscriptions' queue holds the SNS messages the sns-handler never got (`DeadLetterQueue`); the
 * asynchronous-work queue holds Lambda's invocation records of sns-handler and worker invocations that still
 * failed after Lambda's retries (`AsyncFailureQueue`).
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: { holds: string }) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter queue (${props.holds}); a DLQ of a DLQ adds nothing.`,
    });
  }
}
