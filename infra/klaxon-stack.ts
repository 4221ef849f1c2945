// The Klaxon stack: one DynamoDB table, the Slack secret, the `klaxon-alerts` SNS topic, three Lambdas
// (sns-handler, slack-handler behind a Function URL, worker on a schedule) and their least-privilege IAM.
// Each piece is a construct in infra/constructs/; they keep the construct IDs (and so the CloudFormation
// logical IDs) the stack has always had, so a deployed stack is updated in place, never replaced.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { type ConfigSource, readConfigJson } from './config-json.ts';
import { AlertProcessingPolicy } from './constructs/alert-processing-policy.ts';
import { importTopics, subscribeSnsHandler } from './constructs/alert-subscriptions.ts';
import { AlertTable } from './constructs/alert-table.ts';
import { AlertsTopic } from './constructs/alert-topic.ts';
import type { CloudTrailQueryProps } from './constructs/athena-access.ts';
import { DeadLetterQueue } from './constructs/dead-letter-queue.ts';
import { DeliveryMetrics } from './constructs/delivery-metrics.ts';
import {
  createKlaxonFunctions,
  type KlaxonFunctions,
  routeAsyncFailures,
} from './constructs/klaxon-functions.ts';
import { addKlaxonOutputs } from './constructs/klaxon-outputs.ts';
import { WorkerQueryPolicy } from './constructs/query-permissions.ts';
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
  /** SLACK_APP_ID of the Slack function: requests of any other app are refused. */
  readonly slackAppId?: string;
  readonly logLevel?: string;
}

export class KlaxonStack extends Stack {
  readonly table: AlertTable;
  readonly slackSecret: SlackSecret;
  readonly alertsTopic: AlertsTopic;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly functions: KlaxonFunctions;
  readonly functionUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: KlaxonStackProps = {}) {
    super(scope, id, props);
    const configJson = readConfigJson(props);
    this.table = new AlertTable(this, 'Table');
    this.slackSecret = new SlackSecret(this, 'SlackSecret');
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue');
    this.alertsTopic = new AlertsTopic(this, 'AlertsTopic');
    const subscribed = importTopics(this, props.subscribeTopicArns ?? []);
    this.functions = this.createFunctions(props, configJson, [this.alertsTopic, ...subscribed]);
    this.grantAccess(props);
    routeAsyncFailures(this.functions, this.deadLetterQueue);
    subscribeSnsHandler(this.functions.snsHandler, [this.alertsTopic, ...subscribed], this.deadLetterQueue);
    new SweepSchedule(this, 'SweepSchedule', { worker: this.functions.worker });
    new DeliveryMetrics(this, 'DeliveryMetrics', {
      functions: this.functions,
      alertsTopic: this.alertsTopic,
    });
    this.functionUrl = this.functions.slackHandler.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
    });
    this.addOutputs();
  }

  /** Messages are accepted from the alerts topic, the subscribed topics and the further allowed ones. */
  private createFunctions(
    props: KlaxonStackProps,
    configJson: string,
    topics: sns.ITopic[],
  ): KlaxonFunctions {
    const allowedTopicArns = [...topics.map((topic) => topic.topicArn), ...(props.allowedTopicArns ?? [])];
    return createKlaxonFunctions(this, {
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

  private grantAccess(props: KlaxonStackProps): void {
    const { snsHandler, slackHandler, worker } = this.functions;
    new AlertProcessingPolicy(this, 'AlertProcessingPolicy', {
      table: this.table,
      slackSecret: this.slackSecret,
      roles: [snsHandler.role, slackHandler.role, worker.role],
    });
    new SlackHandlerPolicy(this, 'SlackHandlerPolicy', {
      role: slackHandler.role,
      worker,
      rerunGlueJobNames: props.rerunGlueJobNames,
    });
    new WorkerQueryPolicy(this, 'WorkerQueryPolicy', {
      role: worker.role,
      logGroupArns: props.logsQueryLogGroupArns,
      cloudTrailQuery: props.cloudTrailQuery,
    });
  }

  private addOutputs(): void {
    addKlaxonOutputs(this, {
      functionUrl: this.functionUrl,
      alertsTopic: this.alertsTopic,
      slackSecretArn: this.slackSecret.secretArn,
      tableName: this.table.tableName,
      deadLetterQueue: this.deadLetterQueue,
    });
  }
}
