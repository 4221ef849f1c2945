import { readdirSync, readFileSync } from 'node:fs';
import { parseSnsNotification } from '../../src/core/parsers/index.ts';
import type { NormalizedAlert } from '../../src/model/alert.ts';

/** A fixture under test/fixtures (an SNS `Message`) parsed as Klaxon parses it, received at `timestamp`. */
export function alertFromFixture(path: string, timestamp = '2026-11-29T19:40:00.000Z'): NormalizedAlert {
  const message = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
  return parseSnsNotification({
    messageId: 'c1c0ffee-0000-4000-8000-0000000000e1',
    topicArn: 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts',
    message,
    timestamp,
  });
}

/** Every AWS message fixture (cloudwatch, eventbridge, macie), sorted; the SNS envelopes' own are the SNS tests'. */
export function awsMessageFixturePaths(): string[] {
  return ['cloudwatch', 'eventbridge', 'macie'].flatMap((folder) =>
    readdirSync(new URL(`../fixtures/${folder}/`, import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}
