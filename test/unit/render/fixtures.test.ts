import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertView } from '../../../src/model/alert-view.ts';
import {
  BlockKitLimits,
  renderAlertMessage,
  renderBlocksAsPlainText,
  renderThreadReply,
} from '../../../src/render/index.ts';
import { buildView } from './sample-views.ts';

const fixturesUrl = new URL('../../fixtures/', import.meta.url);

/** Every AWS message fixture (the SNS envelopes' own fixtures are covered by the SNS tests). */
const fixturePaths = ['cloudwatch', 'eventbridge', 'macie'].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, fixturesUrl))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${folder}/${name}`),
);

function parseFixture(path: string): NormalizedAlert {
  return parseSnsNotification({
    messageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    topicArn: 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts',
    message: readFileSync(new URL(path, fixturesUrl), 'utf8'),
    timestamp: '2024-03-15T10:00:00.000Z',
  });
}

/** The view the store would hold after this one notification: a recovery resolves, anything else is open. */
function viewAfterFirstNotification(alert: NormalizedAlert): AlertView {
  if (alert.state !== 'recovered') return buildView(alert);
  return buildView(alert, { status: 'resolved', resolvedBy: 'event', resolvedAt: alert.occurredAt });
}

describe('rendering parsed fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixturePaths.length).toBeGreaterThan(10);
  });

  it.each(fixturePaths)('renders the root message of %s', (path) => {
    const message = renderAlertMessage(viewAfterFirstNotification(parseFixture(path)));

    expect(message.text.trim()).not.toBe('');
    expect(message.text.length).toBeLessThan(4000);
    expect(message.blocks.length).toBeLessThanOrEqual(BlockKitLimits.blocksPerMessage);
    expect(message).toMatchSnapshot('blocks');
    expect(renderBlocksAsPlainText(message)).toMatchSnapshot('plain text');
  });

  it.each(fixturePaths)('renders %s as a state-change reply', (path) => {
    const alert = parseFixture(path);
    const reply = renderThreadReply({ kind: 'state-changed', alert }, buildView(alert));

    expect(renderBlocksAsPlainText(reply)).toMatchSnapshot();
  });
});
