import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const h = useHarness();

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}.json`, 'utf8'));
const send = (message: unknown) => h.postSns(h.signer.notification(testTopicArn, message));
const headerOf = (message: { blocks?: unknown[] }) => JSON.stringify(message.blocks?.[0] ?? {});

describe('Macie findings in every shape through the real server', () => {
  it('takes a bare finding after its EventBridge event as the same alert, not a new one', async () => {
    const fromEvent = await send(fixture('eventbridge/macie-sensitive-data-personal'));
    const fromBare = await send(fixture('macie/finding-sensitive-data-personal'));

    expect(fromEvent).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(fromBare.status).toBe(200);
    expect(fromBare.body.outcome).not.toBe('new-alert');
    const roots = h.slack.messages('C0ALERTS');
    expect(roots).toHaveLength(1);
    expect(headerOf(roots[0]!)).toContain('The S3 object contains personal information.');
  });

  it('posts an array of findings as one alert naming the count', async () => {
    const result = await send(fixture('macie/findings-array'));

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const roots = h.slack.messages('C0ALERTS');
    expect(roots).toHaveLength(1);
    expect(headerOf(roots[0]!)).toContain('3 Macie findings');
    expect(JSON.stringify(roots[0]!.blocks)).toContain('Policy:IAMUser/S3BucketPublicReadAccess');
  });

  it('posts the retired Macie Classic’s “Macie Alert” as a readable alert', async () => {
    h.slack.reset();
    const result = await send(fixture('eventbridge/macie-classic-alert'));

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const [root] = h.slack.messages('C0ALERTS');
    expect(headerOf(root!)).toContain('Macie Classic: Scanning bucket policies');
    expect(JSON.stringify(root!.blocks)).toContain('8 of 10');
  });
});

describe('Macie findings carried in Security Hub through the real server', () => {
  it('raises the finding and resolves it when Security Hub archives it', async () => {
    const event = fixture('eventbridge/securityhub-macie-sensitive-data-personal');
    const raised = await send(event);
    const [finding] = event.detail.findings;
    const archived = await send({
      ...event,
      detail: { findings: [{ ...finding, RecordState: 'ARCHIVED' }] },
    });

    expect(raised).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(archived).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(root!.blocks)).toContain('Macie (Amazon)');
  });
});
