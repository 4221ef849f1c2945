import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { admitPublishers } from './alert-topic.ts';

/**
 * Where Klaxon's own alarms reach a human outside Slack (which may be what is down): an e-mail subscription to
 * the operator address, confirmed once by the link AWS mails. Encrypted with the alerts topic's key.
 */
export class OperatorTopic extends sns.Topic {
  constructor(scope: Construct, id: string, props: { key: kms.IKey; email?: string }) {
    super(scope, id, { displayName: 'Klaxon operator', masterKey: props.key, enforceSSL: true });
    admitPublishers(this, ['cloudwatch']);
    if (props.email) this.addSubscription(new snsSubscriptions.EmailSubscription(props.email));
  }
}
