import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * The worker's dead-letter redrive: it reads what sits in the queues (ReceiveMessage), replays it through the
 * normal, idempotent path and deletes what was replayed (DeleteMessage). Nothing else on the queues.
 */
export class RedrivePolicy extends iam.Policy {
  constructor(scope: Construct, id: string, props: { role: iam.IRole; queues: sqs.IQueue[] }) {
    super(scope, id, {
      statements: [
        new iam.PolicyStatement({
          sid: 'RedriveDeadLetters',
          actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
          resources: props.queues.map((queue) => queue.queueArn),
        }),
      ],
      roles: [props.role],
    });
  }
}
