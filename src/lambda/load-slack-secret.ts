import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { ConfigError } from '../config/parse-config.ts';
import { lazy } from '../util/lazy.ts';

const slackSecretSchema = lazy(() =>
  z.object({
    botToken: z.string().startsWith('xoxb-', 'botToken must be a bot token (xoxb-…)'),
    signingSecret: z.string().min(1),
  }),
);
export type SlackSecret = z.output<ReturnType<typeof slackSecretSchema>>;

/** Reads the Slack bot token and signing secret; the error names the field, never the value. */
export async function loadSlackSecret(client: SecretsManagerClient, secretArn: string): Promise<SlackSecret> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    throw new ConfigError(`Slack secret ${secretArn} is not JSON {"botToken": …, "signingSecret": …}`);
  }
  const parsed = slackSecretSchema().safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Slack secret ${secretArn} is invalid: ${fields}`);
  }
  return parsed.data;
}
