import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { KlaxonFunction } from './klaxon-function.ts';

/** The three functions: bundle (`src/lambda/<bundleName>.ts`), timeout and memory. */
export const HANDLERS = {
  snsHandler: { bundleName: 'sns-handler', timeout: Duration.seconds(30), memorySize: 512 },
  slackHandler: { bundleName: 'slack-handler', timeout: Duration.seconds(10), memorySize: 512 },
  worker: { bundleName: 'worker-handler', timeout: Duration.minutes(15), memorySize: 1024 },
} as const;

export type HandlerKey = keyof typeof HANDLERS;
export type KlaxonFunctions = Record<HandlerKey, KlaxonFunction>;

/** The variables src/lambda/lambda-settings.ts and src/config/load-config.ts read, common to all three. */
export interface FunctionEnvironment {
  readonly tableName: string;
  readonly slackSecretArn: string;
  readonly configJson: string;
  /** The topics whose messages are accepted, comma-separated in KLAXON_ALLOWED_TOPIC_ARNS. */
  readonly allowedTopicArns: string;
  /** KLAXON_LOG_LEVEL; unset = the handlers' default (`info`). */
  readonly logLevel?: string;
  /** SLACK_APP_ID, given to the Slack function only (the one that serves Slack's requests). */
  readonly slackAppId?: string;
}

export interface KlaxonFunctionsProps {
  readonly bundleDir: string;
  readonly logRetention: logs.RetentionDays;
  readonly environment: FunctionEnvironment;
  /** Reserved concurrency per function (the settings' `reservedConcurrency`); unset = the account's pool. */
  readonly reservedConcurrency?: Partial<Record<HandlerKey, number>>;
}

/**
 * Creates the worker first: the slack-handler (slow work) and the sns-handler (enrichment lookups) hand work to it
 * by name (KLAXON_WORKER_FUNCTION_NAME).
 */
export function createKlaxonFunctions(scope: Construct, props: KlaxonFunctionsProps): KlaxonFunctions {
  const common = environmentVariables(props.environment);
  const make = (key: HandlerKey, extra: Record<string, string> = {}) =>
    new KlaxonFunction(scope, key.charAt(0).toUpperCase() + key.slice(1), {
      ...HANDLERS[key],
      bundleDir: props.bundleDir,
      logRetention: props.logRetention,
      environment: { ...common, ...extra },
      reservedConcurrentExecutions: props.reservedConcurrency?.[key],
    });
  const worker = make('worker');
  const slackHandler = make('slackHandler', {
    KLAXON_WORKER_FUNCTION_NAME: worker.functionName,
    ...(props.environment.slackAppId ? { SLACK_APP_ID: props.environment.slackAppId } : {}),
  });
  // The SNS function hands each alert's enrichment lookups to the worker, so SNS's answer never waits for AWS.
  const snsHandler = make('snsHandler', { KLAXON_WORKER_FUNCTION_NAME: worker.functionName });
  return { snsHandler, slackHandler, worker };
}

/** pino's levels: an unknown one would make every cold start of every function fail. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function environmentVariables(env: FunctionEnvironment): Record<string, string> {
  if (env.logLevel !== undefined && !LOG_LEVELS.includes(env.logLevel)) {
    throw new Error(`Klaxon: logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${env.logLevel}`);
  }
  return {
    KLAXON_TABLE_NAME: env.tableName,
    KLAXON_SLACK_SECRET_ARN: env.slackSecretArn,
    KLAXON_CONFIG_JSON: env.configJson,
    KLAXON_ALLOWED_TOPIC_ARNS: env.allowedTopicArns,
    ...(env.logLevel ? { KLAXON_LOG_LEVEL: env.logLevel } : {}),
    // Source maps are bundled only when built with KLAXON_SOURCEMAP=1; reading them costs every cold start.
    ...(process.env.KLAXON_SOURCEMAP === '1' ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
  };
}

/**
 * Async failures (after Lambda's retries) land in the DLQ instead of being dropped. Lambda sends the record with
 * the function's role, which needs sqs:SendMessage only (CDK's SqsDestination would add GetQueueUrl and
 * GetQueueAttributes, which nothing calls).
 */
export function routeAsyncFailures(functions: KlaxonFunctions, deadLetterQueue: sqs.IQueue): void {
  const onFailure: lambda.IDestination = {
    bind: (_scope, fn) => {
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [deadLetterQueue.queueArn] }),
      );
      return { destination: deadLetterQueue.queueArn };
    },
  };
  // SNS invokes its Lambda subscribers asynchronously: Lambda retries twice, then records the event here.
  functions.snsHandler.configureAsyncInvoke({ onFailure, retryAttempts: 2 });
  // A failed query job is reported to the user by the worker itself; a blind retry would post twice.
  functions.worker.configureAsyncInvoke({ onFailure, retryAttempts: 0 });
}
