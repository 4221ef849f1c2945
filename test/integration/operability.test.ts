import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signingSecret, startHarness, testTopicArn } from '../helpers/klaxon-harness.ts';
import { collectLogLines } from '../helpers/log-lines.ts';
import { alice, clickButton, fireAlarm, rootOf } from './buttons/slack-requests.ts';

const alarm = (name: string) => ({
  AlarmName: name,
  AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: '2026-11-25T10:00:00.000+0000',
  AWSAccountId: '123456789012',
});

describe('request logging', () => {
  const { destination, lines } = collectLogLines();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { logDestination: destination });
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes one JSON line per request with its outcome, and never a secret', async () => {
    await h.postSns(h.signer.notification(testTopicArn, alarm('Logged')));
    await h.postSns('garbage');
    await fetch(`${h.url}/healthz`);
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((r) => [r.method, r.path, r.status, r.outcome])).toEqual([
      ['POST', '/sns', 200, 'new-alert'],
      ['POST', '/sns', 400, 'refused:not-json'],
      ['GET', '/healthz', 200, 'healthy'],
    ]);
    expect(requests[0]).toMatchObject({
      messageId: expect.any(String),
      topicArn: testTopicArn,
      durationMs: expect.any(Number),
    });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(signingSecret);
    expect(everything).not.toContain('xoxb-test-token');
  });

  it("writes Bolt's own log lines as JSON through the same logger", () => {
    h.klaxon.bolt.logger.warn('Could not determine the type of an incoming event.', { type: 'x' });
    expect(lines.at(-1)).toMatchObject({
      level: 40,
      source: 'bolt',
      msg: 'Could not determine the type of an incoming event. {"type":"x"}',
    });
  });
});

describe('metrics', () => {
  it('counts requests by route, status and outcome, refusals included (SNS does not count them)', async () => {
    const h = await startHarness();
    try {
      await h.postSns(h.signer.notification(testTopicArn, alarm('Counted')));
      await h.postSns('garbage');
      await h.postSns('garbage');
      await fetch(`${h.url}/no/such/path`);
      const text = await (await fetch(`${h.url}/metrics`)).text();
      expect(text).toContain('klaxon_requests_total{route="/sns",status="200",outcome="new-alert"} 1');
      expect(text).toContain('klaxon_requests_total{route="/sns",status="400",outcome="refused:not-json"} 2');
      expect(text).toContain('klaxon_requests_total{route="unmatched",status="404",outcome=""} 1');
    } finally {
      await h.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight notification before closing', async () => {
    const h = await startHarness();
    h.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const inFlight = h.postSns(h.signer.notification(testTopicArn, alarm('InFlight')));
    await h.slack.waitForCalls('chat.postMessage', 1);
    const closed = h.klaxon.close();
    const result = await inFlight;
    await closed;
    expect(result.status).toBe(200);
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
    await h.slack.close();
  });

  it('finishes a click whose work is still running after Slack was answered', async () => {
    const h = await startHarness();
    const root = await fireAlarm(h, 'ClickInFlight');
    h.slack.failNext('chat.update', { status: 429, retryAfterSeconds: 1 });
    expect((await clickButton(h, root, 'klaxon_ack')).status).toBe(200);
    await h.slack.waitForCalls('chat.update', 1);
    await h.klaxon.close();
    expect(JSON.stringify(rootOf(h, 'ClickInFlight').blocks)).toContain('Acknowledged by <@U0ALICE>');
    expect(await h.store.audit.listByUser(alice.userId)).toHaveLength(1);
    await h.slack.close();
  });
});
