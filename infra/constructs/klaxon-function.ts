import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** What every bundle directory holds (made by scripts/build-lambdas.mjs) and the export Lambda calls. */
export const BUNDLE_FILE = 'index.mjs';
export const HANDLER = 'index.handler';

export interface KlaxonFunctionProps {
  /** Name of the bundle: `<bundleDir>/<bundleName>/index.mjs`, also the function's description. */
  readonly bundleName: string;
  readonly bundleDir: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Record<string, string>;
  readonly reservedConcurrentExecutions?: number;
}

/**
 * One prebuilt handler bundle as a Node.js 22 arm64 function, with its own log group and its own role (no
 * AWSLambdaBasicExecutionRole: it writes to that one log group only). Log group and role are siblings
 * (`<id>Logs`, `<id>Role`) rather than children, which keeps their CloudFormation logical IDs.
 */
export class KlaxonFunction extends lambda.Function {
  declare readonly role: iam.IRole;

  constructor(scope: Construct, id: string, props: KlaxonFunctionProps) {
    const codeDir = join(props.bundleDir, props.bundleName);
    if (!existsSync(join(codeDir, BUNDLE_FILE))) {
      throw new Error(`Klaxon: no Lambda bundle at ${codeDir}/${BUNDLE_FILE} — run \`npm run build\` first`);
    }
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: props.logRetention });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Klaxon ${props.bundleName}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      description: `Klaxon ${props.bundleName}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: HANDLER,
      code: lambda.Code.fromAsset(codeDir),
      timeout: props.timeout,
      memorySize: props.memorySize,
      role,
      logGroup,
      environment: props.environment,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is deliberate: the bundles are built with esbuild --target=node22 and the project pins its ' +
        'Lambda runtime to it; moving to a newer runtime is a reviewed change, not an automatic one.',
    });
  }
}
