// How the constructs name cdk-nag 3 findings when they acknowledge them. Each construct acknowledges its own
// findings, with the reason, next to the resource they are about (`Validations.of(construct).acknowledge`).
import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
}

/** The id of cdk-nag's finding for one wildcard resource of an IAM policy. */
export function wildcardFinding(resource: string): string {
  return `AwsSolutions-IAM5[Resource::${resource}]`;
}

/** How cdk-nag prints the start of an ARN made by formatArn: tokens as `<AWS::…>`, concrete env values as is. */
export function nagArnPrefix(scope: IConstruct, service: string, inRegion?: string): string {
  const { account } = Stack.of(scope);
  const region = inRegion ?? Stack.of(scope).region;
  const shownRegion = Token.isUnresolved(region) ? '<AWS::Region>' : region;
  const shownAccount = Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
  return `arn:<AWS::Partition>:${service}:${shownRegion}:${shownAccount}`;
}

/**
 * Resources the operator listed explicitly (e.g. `arn:…:log-group:/aws/lambda/app:*`, the ARN form Logs Insights
 * needs, or a job name pattern) are a deliberate choice: acknowledge their wildcards with that reason.
 */
export function acknowledgeOperatorWildcards(construct: IConstruct, resources: readonly string[]): void {
  for (const resource of resources) {
    if (!resource.includes('*')) continue;
    Validations.of(construct).acknowledge({
      id: wildcardFinding(resource),
      reason: 'Resource pattern given explicitly by the operator in the stack props / context.',
    });
  }
}
