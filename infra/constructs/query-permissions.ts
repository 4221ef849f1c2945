import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { athenaAcknowledgements, athenaStatements, type CloudTrailQueryProps } from './athena-access.ts';
import {
  type Acknowledgement,
  acknowledgeOperatorWildcards,
  nagArnPrefix,
  wildcardFinding,
} from './nag-acknowledgements.ts';

export interface WorkerQueryPolicyProps {
  readonly role: iam.IRole;
  /** Log groups `/klaxon logs` may query; default: every log group in this account+region. */
  readonly logGroupArns?: string[];
  /** Enables Athena over CloudTrail; without it the worker gets no Athena, Glue catalog or S3 access. */
  readonly cloudTrailQuery?: CloudTrailQueryProps;
}

/** The worker's `/klaxon` queries: CloudTrail LookupEvents, Logs Insights and, if configured, Athena. */
export class WorkerQueryPolicy extends iam.Policy {
  constructor(scope: Construct, id: string, props: WorkerQueryPolicyProps) {
    const stack = Stack.of(scope);
    super(scope, id, {
      statements: [
        new iam.PolicyStatement({
          sid: 'CloudTrailLookup',
          actions: ['cloudtrail:LookupEvents'],
          // "*": LookupEvents has no resource-level permissions (CloudTrail service authorization reference).
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'LogsInsightsStart',
          actions: ['logs:StartQuery'],
          resources: props.logGroupArns ?? [allLogGroups(stack)],
        }),
        new iam.PolicyStatement({
          sid: 'LogsInsightsResults',
          actions: ['logs:GetQueryResults', 'logs:StopQuery'],
          // "*": both take a query id, not a log group, and have no resource-level permissions.
          resources: ['*'],
        }),
        ...(props.cloudTrailQuery ? athenaStatements(stack, props.cloudTrailQuery) : []),
      ],
      roles: [props.role],
    });
    Validations.of(this).acknowledge(...this.acknowledgements(props));
    acknowledgeOperatorWildcards(this, props.logGroupArns ?? []);
  }

  private acknowledgements(props: WorkerQueryPolicyProps): Acknowledgement[] {
    const acks: Acknowledgement[] = [
      {
        id: wildcardFinding('*'),
        reason:
          'cloudtrail:LookupEvents, logs:GetQueryResults and logs:StopQuery support no resource-level ' +
          'permissions; all three are read-only or stop a query the worker started.',
      },
    ];
    if (!props.logGroupArns) {
      acks.push({
        id: wildcardFinding(`${nagArnPrefix(this, 'logs')}:log-group:*`),
        reason:
          'Logs Insights queries from /klaxon may target any log group of the account; the app-level ' +
          'permissions config limits who may query which groups. Restrict with logsQueryLogGroupArns.',
      });
    }
    if (props.cloudTrailQuery) acks.push(...athenaAcknowledgements(props.cloudTrailQuery));
    return acks;
  }
}

function allLogGroups(stack: Stack): string {
  return stack.formatArn({
    service: 'logs',
    resource: 'log-group',
    resourceName: '*',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
