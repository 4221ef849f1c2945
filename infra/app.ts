// CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Settings come from context (`-c key=value` or cdk.json):
//   configFile            path of the JSON/YAML routing+permissions config (or `config`: the config as JSON)
//   subscribeTopicArns    comma-separated SNS topic ARNs to subscribe the sns-handler to
//   allowedTopicArns      comma-separated topic ARNs delivering over HTTPS to the /sns URL
//   bundleDir             prebuilt bundles (default dist/lambda, made by `npm run build`)
//   stackName             default Klaxon
//   cloudTrailBucket, cloudTrailPrefix, glueDatabase, glueTable, athenaWorkGroup, athenaOutputLocation,
//   cloudTrailKmsKeyArns  enable /klaxon Athena queries over CloudTrail (all of bucket, database, table, output)
//   logsQueryLogGroupArns, rerunGlueJobNames   comma-separated narrowing of the worker/slack-handler IAM
//   logLevel              KLAXON_LOG_LEVEL of the functions (fatal, error, warn, info, debug, trace); default info
//   slackAppId            SLACK_APP_ID of the Slack function: only this app's requests are served (A…)
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type CloudTrailQueryProps, KlaxonStack } from './klaxon-stack.ts';

const app = new App();

function text(key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function list(key: string): string[] | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (Array.isArray(value)) return value.map(String);
  const items = text(key)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function cloudTrailQuery(): CloudTrailQueryProps | undefined {
  const bucketName = text('cloudTrailBucket');
  const glueDatabase = text('glueDatabase');
  const glueTable = text('glueTable');
  const athenaOutputLocation = text('athenaOutputLocation');
  if (!bucketName && !glueDatabase && !glueTable && !athenaOutputLocation) return undefined;
  if (!bucketName || !glueDatabase || !glueTable || !athenaOutputLocation) {
    throw new Error(
      'Klaxon: Athena queries need all of cloudTrailBucket, glueDatabase, glueTable, athenaOutputLocation',
    );
  }
  return {
    bucketName,
    glueDatabase,
    glueTable,
    athenaOutputLocation,
    bucketPrefix: text('cloudTrailPrefix'),
    athenaWorkGroup: text('athenaWorkGroup'),
    kmsKeyArns: list('cloudTrailKmsKeyArns'),
  };
}

const configText = text('config');

new KlaxonStack(app, text('stackName') ?? 'Klaxon', {
  description: 'Klaxon: AWS notifications via SNS become actionable Slack alerts',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  config: configText === undefined ? undefined : JSON.parse(configText),
  configFile: text('configFile'),
  bundleDir: text('bundleDir'),
  subscribeTopicArns: list('subscribeTopicArns'),
  allowedTopicArns: list('allowedTopicArns'),
  cloudTrailQuery: cloudTrailQuery(),
  logsQueryLogGroupArns: list('logsQueryLogGroupArns'),
  rerunGlueJobNames: list('rerunGlueJobNames'),
  logLevel: text('logLevel'),
  slackAppId: text('slackAppId'),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
