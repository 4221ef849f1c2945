// The deploy settings: one JSON file (`klaxon.settings.json`, example in `klaxon.settings.example.json`) or the
// same keys as CDK context. Checked with zod before anything is built, so a typo fails the synth with its path.
import * as z from 'zod';

const arn = (service: string) =>
  z
    .string()
    .regex(new RegExp(`^arn:aws[a-z-]*:${service}:`), `must be an ${service} ARN (arn:aws:${service}:…)`);
const positiveInt = z.number().int().positive();

const athenaSchema = z.strictObject({
  cloudTrailBucket: z.string().min(3),
  cloudTrailPrefix: z.string().optional(),
  glueDatabase: z.string().min(1),
  glueTable: z.string().min(1),
  outputLocation: z.string().startsWith('s3://', 'must look like s3://bucket/prefix/'),
  workGroup: z.string().optional(),
  kmsKeyArns: z.array(arn('kms')).optional(),
});

/** EventBridge rules sending AWS events to Klaxon's topic; each can be switched off. */
const eventRulesSchema = z.strictObject({
  glueJobStateChange: z.boolean().default(true),
  emrStepStatusChange: z.boolean().default(true),
  macieFinding: z.boolean().default(true),
  /** For alarms without an SNS action; off by default (alarms with one would arrive twice). */
  cloudWatchAlarmStateChange: z.boolean().default(false),
});

/** The worker's enrichment lookups; a lookup switched off gets no IAM grant. */
const enrichmentSchema = z.strictObject({
  alarmGraphs: z.boolean().default(true),
  logs: z.boolean().default(true),
  glueRuns: z.boolean().default(true),
  emrSteps: z.boolean().default(true),
  cloudTrail: z.boolean().default(true),
});

const concurrencySchema = z.strictObject({
  snsHandler: positiveInt.optional(),
  slackHandler: positiveInt.optional(),
  worker: positiveInt.optional(),
});

export const settingsSchema = z.strictObject({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'letters, digits and hyphens, starting with a letter')
    .default('Klaxon'),
  /** The Slack channel alerts go to when no route matches (the config's defaultChannel). */
  channel: z.string().min(1).optional(),
  /** Routing/permissions config inline, or `configFile` (JSON/YAML); see the README's configuration file. */
  config: z.record(z.string(), z.unknown()).optional(),
  configFile: z.string().min(1).optional(),
  subscribeTopicArns: z.array(arn('sns')).default([]),
  allowedTopicArns: z.array(arn('sns')).default([]),
  logsQueryLogGroupArns: z.array(arn('logs')).optional(),
  rerunGlueJobNames: z.array(z.string().min(1)).optional(),
  athena: athenaSchema.optional(),
  operatorEmail: z.email().optional(),
  reservedConcurrency: concurrencySchema.prefault({}),
  eventRules: eventRulesSchema.prefault({}),
  enrichment: enrichmentSchema.prefault({}),
  /** Keeps an older deployment's fixed topic name (`klaxon-alerts`); one stack per account+region then. */
  alertsTopicName: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/)
    .optional(),
  /** The self-alarm on the sweep's oldest pending Slack step fires above this age. */
  oldestPendingAlarmSeconds: positiveInt.default(900),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  slackAppId: z
    .string()
    .regex(/^A[A-Z0-9]+$/, 'must be a Slack app id (A…)')
    .optional(),
  bundleDir: z.string().optional(),
});

export type KlaxonSettings = z.output<typeof settingsSchema>;
export type EventRuleSettings = z.output<typeof eventRulesSchema>;
export type EnrichmentSettings = z.output<typeof enrichmentSchema>;
export type ReservedConcurrency = z.output<typeof concurrencySchema>;

/** The keys whose context value (`-c key=a,b`) is a comma-separated list. */
export const LIST_KEYS = new Set([
  'subscribeTopicArns',
  'allowedTopicArns',
  'logsQueryLogGroupArns',
  'rerunGlueJobNames',
]);
