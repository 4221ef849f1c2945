// The Klaxon stack: one DynamoDB table, the Slack secret, the `klaxon-alerts` SNS topic, three Lambdas
// (sns-handler, slack-handler behind a Function URL, worker on a schedule) and their least-privilege IAM.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Annotations,
  Arn,
  ArnFormat,
  Aws,
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { parse as parseYaml } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Lambda caps all environment variables of a function at 4 KB together; leave room for the others. */
const MAX_CONFIG_JSON_BYTES = 3_000;

/** Where Athena reads the CloudTrail logs from and writes its results to (for `/klaxon` Athena queries). */
export interface CloudTrailQueryProps {
  /** Glue Data Catalog database holding the CloudTrail table. */
  readonly glueDatabase: string;
  /** Glue Data Catalog table over the trail's S3 logs. */
  readonly glueTable: string;
  /** S3 bucket the trail delivers to. */
  readonly bucketName: string;
  /** Key prefix of the trail's logs in that bucket (e.g. `AWSLogs/`); default: the whole bucket. */
  readonly bucketPrefix?: string;
  /** Athena workgroup the worker runs queries in; default `primary`. */
  readonly athenaWorkGroup?: string;
  /** Athena query result location, `s3://bucket/prefix/`. */
  readonly athenaOutputLocation: string;
  /** KMS keys encrypting the trail bucket or the result location (grants kms:Decrypt/GenerateDataKey). */
  readonly kmsKeyArns?: string[];
}

export interface KlaxonStackProps extends StackProps {
  /** Directory holding one prebuilt bundle per handler (`<bundleDir>/<name>/index.mjs`); default `dist/lambda`. */
  readonly bundleDir?: string;
  /** Routing/permissions config as an object (e.g. from a context value). Exclusive with `configFile`. */
  readonly config?: unknown;
  /** Path of a JSON or YAML config file, read at synth time. Exclusive with `config`. */
  readonly configFile?: string;
  /** Existing SNS topic ARNs to subscribe the sns-handler to (Lambda protocol); they are allowed topics too. */
  readonly subscribeTopicArns?: string[];
  /** Further topic ARNs accepted without a Lambda subscription (HTTPS subscriptions to the `/sns` URL). */
  readonly allowedTopicArns?: string[];
  /** Enables Athena queries over CloudTrail from the worker; without it the worker gets no Athena/S3 access. */
  readonly cloudTrailQuery?: CloudTrailQueryProps;
  /** Log group ARNs the worker may run Logs Insights queries on; default: every log group in this account+region. */
  readonly logsQueryLogGroupArns?: string[];
  /** Glue jobs the slack-handler may rerun (names); default: every job in this account+region. */
  readonly rerunGlueJobNames?: string[];
  /** Retention of the three functions' log groups; default one month. */
  readonly logRetention?: logs.RetentionDays;
}

const HANDLERS = {
  snsHandler: { name: 'sns-handler', timeout: Duration.seconds(30), memorySize: 512 },
  slackHandler: { name: 'slack-handler', timeout: Duration.seconds(10), memorySize: 512 },
  worker: { name: 'worker-handler', timeout: Duration.minutes(15), memorySize: 1024 },
} as const;

type HandlerKey = keyof typeof HANDLERS;

export class KlaxonStack extends Stack {
  readonly table: dynamodb.Table;
  readonly slackSecret: secretsmanager.Secret;
  readonly alertsTopic: sns.Topic;
  readonly deadLetterQueue: sqs.Queue;
  readonly functions: Record<HandlerKey, lambda.Function>;
  readonly functionUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: KlaxonStackProps = {}) {
    super(scope, id, props);
    const configJson = readConfigJson(props);
    this.table = this.createTable();
    this.slackSecret = this.createSlackSecret();
    this.deadLetterQueue = this.createDeadLetterQueue();
    this.alertsTopic = this.createAlertsTopic();

    const subscribed = (props.subscribeTopicArns ?? []).map((arn, i) =>
      sns.Topic.fromTopicArn(this, `SubscribedTopic${i}`, arn),
    );
    const allowedTopicArns = [
      this.alertsTopic.topicArn,
      ...subscribed.map((t) => t.topicArn),
      ...(props.allowedTopicArns ?? []),
    ];
    const environment = {
      KLAXON_TABLE_NAME: this.table.tableName,
      KLAXON_SLACK_SECRET_ARN: this.slackSecret.secretArn,
      KLAXON_CONFIG_JSON: configJson,
      KLAXON_ALLOWED_TOPIC_ARNS: Fn.join(',', allowedTopicArns),
      NODE_OPTIONS: '--enable-source-maps',
    };
    const bundleDir = resolve(props.bundleDir ?? join(repoRoot, 'dist/lambda'));
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const make = (key: HandlerKey, extra: Record<string, string> = {}) =>
      this.createFunction(key, bundleDir, logRetention, { ...environment, ...extra });

    const worker = make('worker');
    const slackHandler = make('slackHandler', { KLAXON_WORKER_FUNCTION_NAME: worker.functionName });
    const snsHandler = make('snsHandler');
    this.functions = { snsHandler, slackHandler, worker };

    this.grantCommonAccess([snsHandler, slackHandler, worker]);
    this.grantSlackHandlerAccess(slackHandler, worker, props.rerunGlueJobNames);
    this.grantWorkerAccess(worker, props);
    this.wireAsyncFailures(snsHandler, worker);
    this.subscribe(snsHandler, [this.alertsTopic, ...subscribed]);
    this.scheduleSweep(worker);

    this.functionUrl = slackHandler.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    this.addOutputs();
  }

  private createTable(): dynamodb.Table {
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    table.addGlobalSecondaryIndex({
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
    });
    return table;
  }

  /**
   * The operator fills the real values after the first deploy. The template holds only a placeholder bot token;
   * the signing secret is generated by Secrets Manager, so a forgotten secret fails closed (every Slack request
   * is refused) instead of accepting requests signed with a publicly known placeholder.
   */
  private createSlackSecret(): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'SlackSecret', {
      description: 'Klaxon Slack credentials: JSON {"botToken":"xoxb-…","signingSecret":"…"}',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ botToken: 'xoxb-REPLACE-ME' }),
        generateStringKey: 'signingSecret',
        excludePunctuation: true,
        passwordLength: 32,
      },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds a Slack bot token and signing secret issued by Slack; Secrets Manager cannot rotate ' +
        'them. They are rotated in the Slack app settings and pasted into the secret.',
    });
    return secret;
  }

  private createDeadLetterQueue(): sqs.Queue {
    const queue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue: of the SNS subscriptions and of the async invocations of ' +
        'sns-handler and worker (Lambda on-failure destination); a DLQ of a DLQ adds nothing.',
    });
    return queue;
  }

  /** CloudWatch alarms and EventBridge rules publish here; both need the CMK (AWS managed SNS keys refuse them). */
  private createAlertsTopic(): sns.Topic {
    const publishers = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'].map(
      (service) => new iam.ServicePrincipal(service),
    );
    const key = new kms.Key(this, 'AlertsTopicKey', {
      description: 'Encrypts the klaxon-alerts SNS topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndEventPublishers',
        principals: publishers,
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    const topic = new sns.Topic(this, 'AlertsTopic', {
      topicName: 'klaxon-alerts',
      displayName: 'Klaxon alerts',
      masterKey: key,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndEventPublishers',
        principals: publishers,
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    return topic;
  }

  private createFunction(
    key: HandlerKey,
    bundleDir: string,
    retention: logs.RetentionDays,
    environment: Record<string, string>,
  ): lambda.Function {
    const { name, timeout, memorySize } = HANDLERS[key];
    const codeDir = join(bundleDir, name);
    if (!existsSync(join(codeDir, 'index.mjs'))) {
      throw new Error(`Klaxon: no Lambda bundle at ${codeDir}/index.mjs — run \`npm run build\` first`);
    }
    const id = key.charAt(0).toUpperCase() + key.slice(1);
    const logGroup = new logs.LogGroup(this, `${id}Logs`, { retention });
    // An own role without AWSLambdaBasicExecutionRole: logs are written to this one log group only.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Klaxon ${name}`,
    });
    logGroup.grantWrite(role);
    const fn = new lambda.Function(this, id, {
      description: `Klaxon ${name}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(codeDir),
      timeout,
      memorySize,
      role,
      logGroup,
      environment,
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is deliberate: the bundles are built with esbuild --target=node22 and the project pins its ' +
        'Lambda runtime to it; moving to a newer runtime is a reviewed change, not an automatic one.',
    });
    return fn;
  }

  /** What every handler needs to process an alert: the table, the Slack secret, alarm details and graphs. */
  private grantCommonAccess(fns: lambda.Function[]): void {
    const policy = new iam.ManagedPolicy(this, 'AlertProcessingPolicy', {
      description: 'Klaxon: state table, Slack secret, CloudWatch alarm details and graphs',
      statements: [
        new iam.PolicyStatement({
          sid: 'StateTable',
          actions: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:DescribeTable',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:UpdateItem',
          ],
          resources: [this.table.tableArn, `${this.table.tableArn}/index/gsi1`],
        }),
        new iam.PolicyStatement({
          sid: 'SlackSecret',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [this.slackSecret.secretArn],
        }),
        new iam.PolicyStatement({
          sid: 'AlarmDetailsAndGraphs',
          actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricWidgetImage'],
          resources: ['*'],
        }),
      ],
      roles: fns.map((fn) => fn.role as iam.IRole),
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudwatch:GetMetricWidgetImage has no resource-level permissions, and DescribeAlarms returns composite ' +
        'alarms only when allowed on "*" (CloudWatch API reference). Both are read-only.',
    });
  }

  private grantSlackHandlerAccess(
    slackHandler: lambda.Function,
    worker: lambda.Function,
    jobs?: string[],
  ): void {
    const jobArns = (jobs ?? ['*']).map((job) =>
      this.formatArn({ service: 'glue', resource: 'job', resourceName: job }),
    );
    const policy = new iam.Policy(this, 'SlackHandlerPolicy', {
      statements: [
        new iam.PolicyStatement({
          sid: 'HandOffSlowWorkToWorker',
          actions: ['lambda:InvokeFunction'],
          resources: [worker.functionArn],
        }),
        new iam.PolicyStatement({
          sid: 'RerunGlueJobs',
          actions: ['glue:GetJobRun', 'glue:StartJobRun'],
          resources: jobArns,
        }),
      ],
      roles: [slackHandler.role as iam.IRole],
    });
    acknowledgeOperatorWildcards(
      policy,
      (jobs ?? []).map((job) => `${this.nagArnPrefix('glue')}:job/${job}`),
    );
    if (!jobs) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${this.nagArnPrefix('glue')}:job/*]`,
        reason:
          'The rerun button works on any Glue job that alerts; restrict with the rerunGlueJobNames prop. The ' +
          'app-level permissions config decides who may press it.',
      });
    }
  }

  private grantWorkerAccess(worker: lambda.Function, props: KlaxonStackProps): void {
    const logGroupArns = props.logsQueryLogGroupArns ?? [
      this.formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: '*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    ];
    const statements = [
      new iam.PolicyStatement({
        sid: 'CloudTrailLookup',
        actions: ['cloudtrail:LookupEvents'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'LogsInsightsStart',
        actions: ['logs:StartQuery'],
        resources: logGroupArns,
      }),
      new iam.PolicyStatement({
        sid: 'LogsInsightsResults',
        actions: ['logs:GetQueryResults', 'logs:StopQuery'],
        resources: ['*'],
      }),
      ...(props.cloudTrailQuery ? this.athenaStatements(props.cloudTrailQuery) : []),
    ];
    const policy = new iam.Policy(this, 'WorkerQueryPolicy', {
      statements,
      roles: [worker.role as iam.IRole],
    });
    const acks = [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudtrail:LookupEvents, logs:GetQueryResults and logs:StopQuery support no resource-level ' +
          'permissions; all three are read-only or stop a query the worker started.',
      },
    ];
    if (!props.logsQueryLogGroupArns) {
      acks.push({
        id: `AwsSolutions-IAM5[Resource::${this.nagArnPrefix('logs')}:log-group:*]`,
        reason:
          'Logs Insights queries from /klaxon may target any log group of the account; the app-level ' +
          'permissions config limits who may query which groups. Restrict with logsQueryLogGroupArns.',
      });
    }
    acks.push(...this.athenaAcknowledgements(props.cloudTrailQuery));
    Validations.of(policy).acknowledge(...acks);
    acknowledgeOperatorWildcards(policy, props.logsQueryLogGroupArns ?? []);
  }

  private athenaStatements(q: CloudTrailQueryProps): iam.PolicyStatement[] {
    const output = parseS3Url(q.athenaOutputLocation);
    const glue = (resource: string, resourceName?: string) =>
      this.formatArn({
        service: 'glue',
        resource,
        ...(resourceName ? { resourceName } : {}),
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    const statements = [
      new iam.PolicyStatement({
        sid: 'AthenaQueries',
        actions: [
          'athena:StartQueryExecution',
          'athena:GetQueryExecution',
          'athena:GetQueryResults',
          'athena:StopQueryExecution',
        ],
        resources: [
          this.formatArn({
            service: 'athena',
            resource: 'workgroup',
            resourceName: q.athenaWorkGroup ?? 'primary',
          }),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'CloudTrailTableMetadata',
        actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
        resources: [
          glue('catalog'),
          glue('database', q.glueDatabase),
          glue('table', `${q.glueDatabase}/${q.glueTable}`),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'CloudTrailLogsRead',
        actions: ['s3:GetObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${q.bucketName}/${q.bucketPrefix ?? ''}*`],
      }),
      new iam.PolicyStatement({
        sid: 'AthenaResultsWrite',
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [`arn:${Aws.PARTITION}:s3:::${output.bucket}/${output.prefix}*`],
      }),
      new iam.PolicyStatement({
        sid: 'BucketsList',
        actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
        resources: [...new Set([q.bucketName, output.bucket])].map((b) => `arn:${Aws.PARTITION}:s3:::${b}`),
      }),
    ];
    if (q.kmsKeyArns?.length) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'CloudTrailAndResultsKeys',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: q.kmsKeyArns,
        }),
      );
    }
    return statements;
  }

  private athenaAcknowledgements(q?: CloudTrailQueryProps): { id: string; reason: string }[] {
    if (!q) return [];
    const output = parseS3Url(q.athenaOutputLocation);
    return [
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${q.bucketName}/${q.bucketPrefix ?? ''}*]`,
        reason: 'Athena reads every CloudTrail log object under the trail prefix; read-only.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${output.bucket}/${output.prefix}*]`,
        reason: 'Athena writes query results under the configured output prefix with generated object names.',
      },
    ];
  }

  /** How cdk-nag prints the start of an ARN made by formatArn: tokens as `<AWS::…>`, concrete env values as is. */
  private nagArnPrefix(service: string): string {
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    return `arn:<AWS::Partition>:${service}:${region}:${account}`;
  }

  /** Async failures (after Lambda's retries) land in the DLQ instead of being dropped. */
  private wireAsyncFailures(snsHandler: lambda.Function, worker: lambda.Function): void {
    const onFailure = new lambdaDestinations.SqsDestination(this.deadLetterQueue);
    snsHandler.configureAsyncInvoke({ onFailure, retryAttempts: 2 });
    // A failed query job is reported to the user by the worker itself; a blind retry would post twice.
    worker.configureAsyncInvoke({ onFailure, retryAttempts: 0 });
  }

  /** SNS only redrives to a queue in the subscription's region: topics in other regions go without a DLQ. */
  private subscribe(snsHandler: lambda.Function, topics: sns.ITopic[]): void {
    for (const topic of topics) {
      const topicRegion = Arn.split(topic.topicArn, ArnFormat.NO_RESOURCE_NAME).region;
      const sameRegion =
        Token.isUnresolved(topicRegion) || Token.isUnresolved(this.region) || topicRegion === this.region;
      if (!sameRegion) {
        Annotations.of(topic).addInfo(
          `Klaxon: ${topic.topicArn} is in another region; subscribed without a DLQ`,
        );
      }
      const deadLetterQueue = sameRegion ? this.deadLetterQueue : undefined;
      topic.addSubscription(new snsSubscriptions.LambdaSubscription(snsHandler, { deadLetterQueue }));
    }
  }

  /** The worker receives the plain EventBridge `Scheduled Event` (source `aws.events`) every minute. */
  private scheduleSweep(worker: lambda.Function): void {
    new events.Rule(this, 'SweepSchedule', {
      description: 'Klaxon sweep: mute expiry summaries, coalesced root message refresh',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [
        new eventsTargets.LambdaFunction(worker, { retryAttempts: 0, maxEventAge: Duration.minutes(1) }),
      ],
    });
  }

  private addOutputs(): void {
    const url = this.functionUrl.url;
    new CfnOutput(this, 'FunctionUrl', { value: url, description: 'slack-handler Function URL' });
    new CfnOutput(this, 'SlackRequestUrl', {
      value: Fn.join('', [url, 'slack/events']),
      description: 'Paste into the Slack app manifest (events, interactivity, /klaxon)',
    });
    new CfnOutput(this, 'SnsHttpsEndpoint', {
      value: Fn.join('', [url, 'sns']),
      description: 'HTTPS endpoint for SNS topics that cannot use a Lambda subscription',
    });
    new CfnOutput(this, 'AlertsTopicArn', { value: this.alertsTopic.topicArn });
    new CfnOutput(this, 'SlackSecretArn', { value: this.slackSecret.secretArn });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
  }
}

/** Reads the routing/permissions config and returns it as compact JSON for KLAXON_CONFIG_JSON. */
export function readConfigJson(props: Pick<KlaxonStackProps, 'config' | 'configFile'>): string {
  if (props.config !== undefined && props.configFile !== undefined) {
    throw new Error('Klaxon: pass either config or configFile, not both');
  }
  let config: unknown = props.config ?? {};
  if (props.configFile !== undefined) {
    const text = readFileSync(props.configFile, 'utf8');
    const isYaml = ['.yaml', '.yml'].includes(extname(props.configFile).toLowerCase());
    config = isYaml ? parseYaml(text) : JSON.parse(text);
  }
  if (typeof config === 'string') config = JSON.parse(config);
  const json = JSON.stringify(config);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_CONFIG_JSON_BYTES) {
    throw new Error(
      `Klaxon: the config is ${bytes} bytes as JSON; Lambda environment variables are limited to 4 KB in total, ` +
        `so keep KLAXON_CONFIG_JSON under ${MAX_CONFIG_JSON_BYTES} bytes`,
    );
  }
  return json;
}

/**
 * Resources the operator listed explicitly (e.g. `arn:…:log-group:/aws/lambda/app:*`, the ARN form Logs Insights
 * needs, or a job name pattern) are a deliberate choice: acknowledge their wildcards with that reason.
 */
function acknowledgeOperatorWildcards(policy: iam.Policy, resources: string[]): void {
  for (const resource of resources) {
    if (!resource.includes('*')) continue;
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: 'Resource pattern given explicitly by the operator in the stack props / context.',
    });
  }
}

function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) throw new Error(`Klaxon: athenaOutputLocation must look like s3://bucket/prefix/, got ${url}`);
  return { bucket: match[1]!, prefix: match[2] ?? '' };
}
