// The Klaxon stack: one DynamoDB table, the Slack secret, the alerts SNS topic fed by EventBridge rules, three
// Lambdas (sns-handler, slack-handler behind a Function URL, worker on a schedule), their least-privilege IAM,
// and alarms on Klaxon itself. Each piece is a construct in infra/constructs/; they keep the construct IDs (and
// so the CloudFormation logical IDs) the stack has always had, so a deployed stack is updated in place. No
// resource has a fixed physical name: two stacks (staging, production) fit in one account and region.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arn, ArnFormat, Fn, Stack, type StackProps, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ConfigSource, readConfigJson } from './config-json.ts';
import { AlertEventRules, type EventRuleSwitches } from './constructs/alert-event-rules.ts';
import { AlertProcessingPolicy } from './constructs/alert-processing-policy.ts';
import { importTopics, subscribeSnsHandler } from './constructs/alert-subscriptions.ts';
import { AlertTable } from './constructs/alert-table.ts';
import { AlertsTopic } from './constructs/alert-topic.ts';
import type { CloudTrailQueryProps } from './constructs/athena-access.ts';
import { DeadLetterQueue } from './constructs/dead-letter-queue.ts';
import { DeliveryMetrics } from './constructs/delivery-metrics.ts';
import { createEnrichmentPolicy, type EnrichmentSwitches } from './constructs/enrichment-policy.ts';
import { GlueRerunPolicy } from './constructs/glue-rerun-policy.ts';
import {
  createKlaxonFunctions,
  type HandlerKey,
  type KlaxonFunctions,
  routeAsyncFailures,
} from './constructs/klaxon-functions.ts';
import { addKlaxonOutputs } from './constructs/klaxon-outputs.ts';
import { OperatorTopic } from './constructs/operator-topic.ts';
import { WorkerQueryPolicy } from './constructs/query-permissions.ts';
import { SelfAlarms } from './constructs/self-alarms.ts';
import { SlackHandlerPolicy } from './constructs/slack-handler-policy.ts';
import { SlackSecret } from './constructs/slack-secret.ts';
import { SweepSchedule } from './constructs/worker-schedule.ts';

export { readConfigJson } from './config-json.ts';
export type { CloudTrailQueryProps } from './constructs/athena-access.ts';

const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL('../dist/lambda', import.meta.url));

export interface KlaxonStackProps extends StackProps, ConfigSource {
  /** Directory holding one prebuilt bundle per handler (`<bundleDir>/<name>/index.mjs`); default `dist/lambda`. */
  readonly bundleDir?: string;
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
  /** KLAXON_LOG_LEVEL of the three functions (`debug`, `info`, …); default: the handlers' own (`info`). */
  readonly logLevel?: string;
  /** SLACK_APP_ID of the Slack function: requests of any other app are refused. */
  readonly slackAppId?: string;
  /** Which EventBridge rules send AWS events to the alerts topic; default all but alarm state changes. */
  readonly eventRules?: EventRuleSwitches;
  /** Which enrichment lookups the worker is granted; default all. */
  readonly enrichment?: EnrichmentSwitches;
  /** Reserved concurrency per function; default none (the account's unreserved pool). */
  readonly reservedConcurrency?: Partial<Record<HandlerKey, number>>;
  /** E-mail address subscribed to the operator topic, where Klaxon's own alarms go (besides Slack). */
  readonly operatorEmail?: string;
  /** A fixed name for the alerts topic, only to keep an older deployment's `klaxon-alerts`; default generated. */
  readonly alertsTopicName?: string;
  /** The oldest-pending-delivery alarm fires above this age in seconds; default 900. */
  readonly oldestPendingAlarmSeconds?: number;
}

export class KlaxonStack extends Stack {
  readonly table: AlertTable;
  readonly slackSecret: SlackSecret;
  readonly alertsTopic: AlertsTopic;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly asyncFailureQueue: DeadLetterQueue;
  readonly operatorTopic: OperatorTopic;
  readonly eventRules: AlertEventRules;
  readonly selfAlarms: SelfAlarms;
  readonly functions: KlaxonFunctions;
  readonly functionUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: KlaxonStackProps = {}) {
    super(scope, id, props);
    const configJson = readConfigJson(props);
    this.table = new AlertTable(this, 'Table');
    this.slackSecret = new SlackSecret(this, 'SlackSecret');
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', { holds: 'SNS deliveries' });
    this.asyncFailureQueue = new DeadLetterQueue(this, 'AsyncFailureQueue', {
      holds: 'failed async invocations',
    });
    this.alertsTopic = new AlertsTopic(this, 'AlertsTopic', { topicName: props.alertsTopicName });
    this.operatorTopic = new OperatorTopic(this, 'OperatorTopic', {
      key: this.alertsTopic.key,
      email: props.operatorEmail,
    });
    const subscribed = importTopics(this, props.subscribeTopicArns ?? []);
    const topicArns = [this.alertsTopic, ...subscribed].map((topic) => topic.topicArn);
    this.functions = this.createFunctions(props, configJson, topicArns);
    const confirmTopicArns = [...(props.allowedTopicArns ?? []), ...configuredTopicArns(configJson)];
    this.grantAccess(props, confirmTopicArns, alertRegionsOf(this, [...topicArns, ...confirmTopicArns]));
    routeAsyncFailures(this.functions, this.asyncFailureQueue);
    subscribeSnsHandler(this.functions.snsHandler, [this.alertsTopic, ...subscribed], this.deadLetterQueue);
    new SweepSchedule(this, 'SweepSchedule', { worker: this.functions.worker });
    this.eventRules = new AlertEventRules(this, 'EventRules', {
      topic: this.alertsTopic,
      switches: props.eventRules,
    });
    this.selfAlarms = this.watchItself(props);
    this.functionUrl = this.functions.slackHandler.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
    });
    this.addOutputs();
  }

  private watchItself(props: KlaxonStackProps): SelfAlarms {
    return new SelfAlarms(this, 'SelfAlarms', {
      functions: this.functions,
      metrics: new DeliveryMetrics(this, 'DeliveryMetrics', { functions: this.functions }),
      deadLetterQueues: { SnsDeadLetters: this.deadLetterQueue, AsyncDeadLetters: this.asyncFailureQueue },
      rules: this.eventRules.rules,
      topics: [this.operatorTopic, this.alertsTopic],
      oldestPendingAlarmSeconds: props.oldestPendingAlarmSeconds ?? 900,
    });
  }

  /** Messages are accepted from the alerts topic, the subscribed topics and the further allowed ones. */
  private createFunctions(props: KlaxonStackProps, configJson: string, topicArns: string[]): KlaxonFunctions {
    const allowedTopicArns = [...topicArns, ...(props.allowedTopicArns ?? [])];
    return createKlaxonFunctions(this, {
      reservedConcurrency: props.reservedConcurrency,
      bundleDir: resolve(props.bundleDir ?? DEFAULT_BUNDLE_DIR),
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      environment: {
        tableName: this.table.tableName,
        slackSecretArn: this.slackSecret.secretArn,
        configJson,
        allowedTopicArns: Fn.join(',', allowedTopicArns),
        logLevel: props.logLevel,
        slackAppId: props.slackAppId,
      },
    });
  }

  private grantAccess(props: KlaxonStackProps, confirmTopicArns: string[], alertRegions: string[]): void {
    const { snsHandler, slackHandler, worker } = this.functions;
    new AlertProcessingPolicy(this, 'AlertProcessingPolicy', {
      table: this.table,
      slackSecret: this.slackSecret,
      roles: [snsHandler.role, slackHandler.role, worker.role],
    });
    new SlackHandlerPolicy(this, 'SlackHandlerPolicy', {
      role: slackHandler.role,
      worker,
      confirmTopicArns,
    });
    snsHandler.role.attachInlinePolicy(
      new iam.Policy(this, 'SnsHandlerPolicy', {
        statements: [
          new iam.PolicyStatement({
            sid: 'HandOffEnrichmentToWorker',
            actions: ['lambda:InvokeFunction'],
            resources: [worker.functionArn],
          }),
        ],
      }),
    );
    new GlueRerunPolicy(this, 'GlueRerunPolicy', {
      roles: [worker.role, slackHandler.role],
      rerunGlueJobNames: props.rerunGlueJobNames,
      regions: alertRegions,
    });
    new WorkerQueryPolicy(this, 'WorkerQueryPolicy', {
      role: worker.role,
      logGroupArns: props.logsQueryLogGroupArns,
      cloudTrailQuery: props.cloudTrailQuery,
    });
    createEnrichmentPolicy(this, 'WorkerEnrichmentPolicy', {
      role: worker.role,
      switches: props.enrichment,
      logGroupArns: props.logsQueryLogGroupArns,
      regions: alertRegions,
    });
  }

  private addOutputs(): void {
    addKlaxonOutputs(this, {
      functionUrl: this.functionUrl,
      alertsTopic: this.alertsTopic,
      slackSecretArn: this.slackSecret.secretArn,
      tableName: this.table.tableName,
      deadLetterQueue: this.deadLetterQueue,
      asyncFailureQueue: this.asyncFailureQueue,
      operatorTopic: this.operatorTopic,
    });
  }
}

/** The config's own HTTPS topics (`sns.allowedTopicArns`, wildcards allowed). */
function configuredTopicArns(configJson: string): string[] {
  const config = JSON.parse(configJson) as { sns?: { allowedTopicArns?: string[] } };
  return config.sns?.allowedTopicArns ?? [];
}

/**
 * The regions alerts come from: this stack's and each alert topic's. A Glue job, an EMR step or a log group
 * is looked up (and a job rerun) in the region it is in, so those grants name each of these regions.
 */
function alertRegionsOf(stack: Stack, topicArns: readonly string[]): string[] {
  const regions = new Set([stack.region]);
  for (const arn of topicArns) {
    if (Token.isUnresolved(arn)) continue;
    const { region } = Arn.split(arn, ArnFormat.NO_RESOURCE_NAME);
    if (region && !Token.isUnresolved(region)) regions.add(region);
  }
  return [...regions];
}
