import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const h = useHarness();

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}.json`, 'utf8'));
const send = (message: unknown) => h.postSns(h.signer.notification(testTopicArn, message));
const alarmArn = 'arn:aws:cloudwatch:us-east-1:444455556666:alarm:lambda-demo-metric-alarm';

describe('CloudWatch alarm-action payloads through the real server', () => {
  it('raises from the Lambda action payload and resolves on the EventBridge OK of the same alarm', async () => {
    const okEvent = fixture('eventbridge/alarm-state-change-single-metric');
    okEvent.resources = [alarmArn];
    okEvent.detail.alarmName = 'lambda-demo-metric-alarm';
    okEvent.detail.previousState = okEvent.detail.state;
    okEvent.detail.state = {
      value: 'OK',
      reason: 'back to normal',
      timestamp: '2023-08-04T12:41:15.490+0000',
    };

    const raised = await send(fixture('cloudwatch/alarm-action-metric-typos-fixed'));
    const recovered = await send(okEvent);

    expect(raised).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(recovered).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(root!.blocks?.[0])).toContain('lambda-demo-metric-alarm');
    const { record } = await h.store.alerts.loadAlert(alertIdOf(`cloudwatch-alarm:${alarmArn}`));
    expect(record).toMatchObject({ status: 'resolved' });
  });
});
