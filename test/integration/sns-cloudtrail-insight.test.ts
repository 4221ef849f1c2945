import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const h = useHarness();

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/eventbridge/${name}.json`, 'utf8'));
const send = (event: unknown) => h.postSns(h.signer.notification(testTopicArn, event));

describe('CloudTrail Insights events through the real server', () => {
  it('raises on the Start and resolves on the End of the same insight', async () => {
    const started = await send(fixture('cloudtrail-insight-start'));
    const ended = await send(fixture('cloudtrail-insight-end'));

    expect(started).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(ended).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(root!.blocks?.[0])).toContain('CloudTrail Insights: unusual call rate of ssm');
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
  });
});
