import * as events from 'aws-cdk-lib/aws-events';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Which EventBridge rules to create (the settings' `eventRules`). */
export interface EventRuleSwitches {
  readonly glueJobStateChange?: boolean;
  readonly emrStepStatusChange?: boolean;
  readonly macieFinding?: boolean;
  readonly cloudWatchAlarmStateChange?: boolean;
}

type RuleKey = keyof EventRuleSwitches;

/**
 * The events each rule forwards. Glue: the final states, SUCCEEDED included so a later success resolves the
 * alert. EMR steps (states per the EMR API's StepStatus): FAILED and INTERRUPTED raise, COMPLETED resolves;
 * CANCELLED is someone's own request and stays out. Macie: every finding.
 */
export const EVENT_PATTERNS = {
  glueJobStateChange: {
    source: ['aws.glue'],
    detailType: ['Glue Job State Change'],
    detail: { state: ['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR', 'SUCCEEDED'] },
  },
  emrStepStatusChange: {
    source: ['aws.emr'],
    detailType: ['EMR Step Status Change'],
    detail: { state: ['FAILED', 'INTERRUPTED', 'COMPLETED'] },
  },
  macieFinding: { source: ['aws.macie'], detailType: ['Macie Finding'] },
  cloudWatchAlarmStateChange: { source: ['aws.cloudwatch'], detailType: ['CloudWatch Alarm State Change'] },
} as const satisfies Record<RuleKey, events.EventPattern>;

const DEFAULT_SWITCHES: Required<EventRuleSwitches> = {
  glueJobStateChange: true,
  emrStepStatusChange: true,
  macieFinding: true,
  cloudWatchAlarmStateChange: false,
};

/** The topic as a rule target, without CDK's own unconditioned grant: the topic policy admits this account's rules. */
function topicTarget(topic: sns.ITopic): events.IRuleTarget {
  return { bind: () => ({ arn: topic.topicArn }) };
}

/** EventBridge rules on the default bus that send AWS events to Klaxon's alerts topic. */
export class AlertEventRules extends Construct {
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: { topic: sns.ITopic; switches?: EventRuleSwitches }) {
    super(scope, id);
    const switches = { ...DEFAULT_SWITCHES, ...props.switches };
    for (const key of Object.keys(EVENT_PATTERNS) as RuleKey[]) {
      if (!switches[key]) continue;
      const pattern = EVENT_PATTERNS[key];
      const rule = new events.Rule(this, key.charAt(0).toUpperCase() + key.slice(1), {
        description: `Klaxon: ${pattern.detailType[0]} events to the alerts topic`,
        eventPattern: structuredClone(pattern) as events.EventPattern,
      });
      rule.addTarget(topicTarget(props.topic));
      this.rules.push(rule);
    }
  }
}
