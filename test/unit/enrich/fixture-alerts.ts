import { readFileSync } from 'node:fs';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';

export const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** The alert a fixture becomes, with `raw` kept as the text AWS sent (as the notification path stores it). */
export function alertOf(
  path: string,
  edit: (message: Record<string, unknown>) => void = () => {},
): NormalizedAlert {
  const message = JSON.parse(fixtureText(path)) as Record<string, unknown>;
  edit(message);
  const text = JSON.stringify(message);
  const alert = parseSnsNotification({
    messageId: 'c1c0ffee-0000-4000-8000-000000000001',
    topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
    subject: 'ALARM',
    message: text,
    timestamp: '2021-06-23T08:41:06.700Z',
  });
  return { ...alert, raw: text };
}
