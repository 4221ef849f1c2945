import * as z from 'zod';
import { ConfigError } from '../config/parse-config.ts';
import { lazy } from '../util/lazy.ts';

/** What the CDK stack sets on every function (infra/klaxon-stack.ts); secrets come from Secrets Manager. */
const lambdaEnvSchema = lazy(() =>
  z.object({
    KLAXON_TABLE_NAME: z.string().min(3),
    KLAXON_SLACK_SECRET_ARN: z.string().startsWith('arn:'),
    KLAXON_ALLOWED_TOPIC_ARNS: z.string().default(''),
    KLAXON_WORKER_FUNCTION_NAME: z.string().optional(),
    KLAXON_LOG_LEVEL: z.string().default('info'),
    SLACK_API_URL: z.url().optional(),
    /** When set, Slack requests of any other app are refused (403). */
    SLACK_APP_ID: z
      .string()
      .regex(/^A[A-Z0-9]+$/, 'must be a Slack app id (A…)')
      .optional(),
    AWS_REGION: z.string().optional(),
    /** How long the Slack secret is trusted before it is read again (a rotated signing secret takes this long). */
    SLACK_SECRET_TTL_SECONDS: z.coerce.number().int().min(0).default(300),
    AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  }),
);

export type LambdaSettings = z.output<ReturnType<typeof lambdaEnvSchema>> & { allowedTopicArns: string[] };

export function loadLambdaSettings(env: NodeJS.ProcessEnv): LambdaSettings {
  const parsed = lambdaEnvSchema().safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid Lambda environment:\n${problems.join('\n')}`);
  }
  const allowedTopicArns = parsed.data.KLAXON_ALLOWED_TOPIC_ARNS.split(',')
    .map((arn) => arn.trim())
    .filter(Boolean);
  return { ...parsed.data, allowedTopicArns };
}
