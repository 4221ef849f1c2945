import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce } from '../../src/app/periodic-sweep.ts';
import { redrivePendingDeliveries } from '../../src/handlers/lifecycle/redrive-deliveries.ts';
import { type Harness, startHarness, testTopicArn } from '../helpers/klaxon-harness.ts';

const alarm = (name: string, state = 'ALARM') => ({
  AlarmName: name,
  AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
  NewStateValue: state,
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: new Date().toISOString().replace('Z', '+0000'),
  AWSAccountId: '123456789012',
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** SNS's default policy gives up after a few quick retries; here every attempt meets Slack down. */
async function deliverWhileSlackIsDown(message: unknown) {
  h.slack.failNext('chat.postMessage', { status: 500 }, 12);
  for (let attempt = 0; attempt < 4; attempt++) expect((await h.postSns(message)).status).toBe(503);
  h.slack.reset();
}

describe('deliveries SNS gave up on', () => {
  it('are finished by the sweep once Slack is back: root first, then the thread reply, each once', async () => {
    await deliverWhileSlackIsDown(h.signer.notification(testTopicArn, alarm('Outage-CPU')));
    await deliverWhileSlackIsDown(h.signer.notification(testTopicArn, alarm('Outage-CPU', 'OK')));
    expect(h.slack.messages('C0ALERTS')).toHaveLength(0);

    const later = new Date(Date.now() + 5 * 60_000);
    const sns = { ...h.klaxon.sns, now: () => later };
    const results = await Promise.all([redrivePendingDeliveries(sns), redrivePendingDeliveries(sns)]);
    expect(results.reduce((sum, r) => sum + r.finished, 0)).toBe(2);

    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(root!.replies).toHaveLength(1);
    expect(JSON.stringify(root!.blocks)).toMatch(/Resolved/);
    expect(await redrivePendingDeliveries(sns)).toEqual({ finished: 0, failed: 0 });
  });

  it('leaves fresh deliveries to SNS redelivery, and keeps trying while Slack is still down', async () => {
    h.slack.reset();
    await deliverWhileSlackIsDown(h.signer.notification(testTopicArn, alarm('Fresh-CPU')));
    expect(await redrivePendingDeliveries(h.klaxon.sns)).toEqual({ finished: 0, failed: 0 });
    const later = { ...h.klaxon.sns, now: () => new Date(Date.now() + 5 * 60_000) };
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    expect(await redrivePendingDeliveries(later)).toEqual({ finished: 0, failed: 1 });
    expect(await redrivePendingDeliveries(later)).toEqual({ finished: 1, failed: 0 });
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
  });

  it('runs as part of the periodic sweep', async () => {
    const swept = await sweepOnce(h.klaxon.core);
    expect(swept).toMatchObject({ mutesEnded: 0, deliveriesFinished: 0 });
  });
});
