import { loadJsonConfig } from '../src/config/parse-config.ts';
import { parserInputOf, parseSnsNotification } from '../src/core/parsers/index.ts';
import { loadLambdaSettings } from '../src/lambda/lambda-settings.ts';
import { parseSnsMessage } from '../src/sns/sns-message.ts';

/**
 * The schema work of the SNS function's first notification after a cold start: its settings, the
 * configuration, the SNS record and the alarm's parser. Schemas are built on first use (src/util/lazy.ts), so
 * this is work the import no longer does; the bundle bench times it right after the import, so that the import
 * figure is not mistaken for the whole cold start.
 */
export function readFirstNotification(snsRecordJson: string): void {
  const env = {
    KLAXON_TABLE_NAME: 'klaxon-bench',
    KLAXON_SLACK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:klaxon-bench',
  };
  loadLambdaSettings(env);
  loadJsonConfig(env);
  const parsed = parseSnsMessage(snsRecordJson);
  if (!parsed.ok) throw new Error(`the bench's SNS record was refused: ${parsed.detail}`);
  parseSnsNotification(parserInputOf(parsed.message));
}
