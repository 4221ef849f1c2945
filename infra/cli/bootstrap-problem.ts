// Recognises the CDK CLI's ways of saying "this account/region was never bootstrapped" and says how to fix it.

const BOOTSTRAP_SIGNS = [
  /\/cdk-bootstrap\//, // SSM parameter /cdk-bootstrap/<qualifier>/version not found
  /has the environment been bootstrapped/i,
  /is (the )?(account|environment) .* bootstrapped/i,
  /toolkit stack must be deployed/i,
  /run ["']?cdk bootstrap/i,
  /CDKToolkit.*(does not exist|not found)/i,
];

const CREDENTIAL_SIGNS = [/no credentials have been configured/i, /Unable to resolve AWS account/i];

export interface DeployTarget {
  readonly account?: string;
  readonly region?: string;
}

/** The advice for a failed `cdk deploy`, or undefined when its output shows neither problem. */
export function explainDeployFailure(output: string, target: DeployTarget = {}): string | undefined {
  if (BOOTSTRAP_SIGNS.some((sign) => sign.test(output))) return bootstrapAdvice(output, target);
  if (CREDENTIAL_SIGNS.some((sign) => sign.test(output))) {
    return (
      'Klaxon deploy: no AWS credentials were found. Sign in first (e.g. `aws sso login --profile <p>` and ' +
      '`export AWS_PROFILE=<p>`), check with `aws sts get-caller-identity`, then run `npm run deploy` again.'
    );
  }
  return undefined;
}

function bootstrapAdvice(output: string, target: DeployTarget): string {
  const named = /aws:\/\/(\d{12})\/([a-z]{2}(?:-[a-z]+)+-\d)/.exec(output);
  const account = named?.[1] ?? target.account ?? 'ACCOUNT';
  const region = named?.[2] ?? target.region ?? 'REGION';
  return [
    `Klaxon deploy: the AWS environment aws://${account}/${region} is not bootstrapped for the CDK`,
    '(CDK keeps the Lambda bundles in a bucket that `cdk bootstrap` creates, once per account and region).',
    'Fix it once, with credentials allowed to create IAM roles and an S3 bucket, then deploy again:',
    '',
    `  npx cdk bootstrap aws://${account}/${region}`,
    '  npm run deploy',
  ].join('\n');
}
