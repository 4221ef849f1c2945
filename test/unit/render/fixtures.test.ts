import { describe, expect, it } from 'vitest';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertView } from '../../../src/model/alert-view.ts';
import {
  BlockKitLimits,
  renderAlertMessage,
  renderBlocksAsPlainText,
  renderThreadReply,
} from '../../../src/render/index.ts';
import { alertFromFixture, awsMessageFixturePaths } from '../../helpers/fixture-alerts.ts';
import { buildView } from './sample-views.ts';

const fixturePaths = awsMessageFixturePaths();
const parseFixture = (path: string) => alertFromFixture(path, '2024-03-15T10:00:00.000Z');

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
