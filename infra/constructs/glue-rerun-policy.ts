import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeOperatorWildcards, nagArnPrefix, wildcardFinding } from './nag-acknowledgements.ts';

export interface GlueRerunPolicyProps {
  /** The worker (which runs a click's work) and the Slack function (which runs it when the hand-off fails). */
  readonly roles: iam.IRole[];
  /** Glue jobs the Rerun button may start (names or patterns); default: every job in this account+region. */
  readonly rerunGlueJobNames?: string[];
  /** The regions alerts come from (a job is rerun where it ran); default: this stack's. */
  readonly regions?: readonly string[];
}

/**
 * The Rerun button: read the failed run (GetJobRun), or for an alarm mapped to a job look up the latest failed
 * run (GetJobRuns), then start the job again (StartJobRun).
 */
export class GlueRerunPolicy extends iam.ManagedPolicy {
  constructor(scope: Construct, id: string, props: GlueRerunPolicyProps) {
    const jobs = props.rerunGlueJobNames;
    const stack = Stack.of(scope);
    const regions = props.regions ?? [stack.region];
    super(scope, id, {
      description: 'Klaxon: the Rerun button on Glue job alerts',
      statements: [
        new iam.PolicyStatement({
          sid: 'RerunGlueJobs',
          actions: ['glue:GetJobRun', 'glue:GetJobRuns', 'glue:StartJobRun'],
          resources: regions.flatMap((region) =>
            (jobs ?? ['*']).map((job) =>
              stack.formatArn({ service: 'glue', region, resource: 'job', resourceName: job }),
            ),
          ),
        }),
      ],
      roles: props.roles,
    });
    for (const region of regions)
      this.acknowledgeWildcards(`${nagArnPrefix(this, 'glue', region)}:job/`, jobs);
  }

  private acknowledgeWildcards(prefix: string, jobs: string[] | undefined): void {
    acknowledgeOperatorWildcards(
      this,
      (jobs ?? []).map((job) => `${prefix}${job}`),
    );
    if (jobs) return;
    Validations.of(this).acknowledge({
      id: wildcardFinding(`${prefix}*`),
      reason:
        'The rerun button works on any Glue job that alerts; restrict with rerunGlueJobNames. The app-level ' +
        'permissions config decides who may press it.',
    });
  }
}
