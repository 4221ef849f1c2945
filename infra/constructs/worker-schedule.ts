import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

export interface SweepScheduleProps {
  readonly worker: lambda.IFunction;
}

/**
 * The worker's per-minute sweep (mute expiry summaries, coalesced root message refresh). The worker receives
 * the plain EventBridge `Scheduled Event` (source `aws.events`); a missed minute is not retried, the next
 * sweep does the work.
 */
export class SweepSchedule extends events.Rule {
  constructor(scope: Construct, id: string, props: SweepScheduleProps) {
    super(scope, id, {
      description: 'Klaxon sweep: mute expiry summaries, coalesced root message refresh',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [
        new eventsTargets.LambdaFunction(props.worker, {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(1),
        }),
      ],
    });
  }
}
