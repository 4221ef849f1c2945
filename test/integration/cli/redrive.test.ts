import { PassThrough } from 'node:stream';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRedrive, parseRedriveArgs, redriveQueue } from '../../../src/cli/redrive.ts';
import { replayDeadLetter } from '../../../src/core/notifications/replay-dead-letter.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';

const h = useHarness();
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/klaxon-sns-dlq';
const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

const alarm = (name: string) => ({
  AlarmName: name,
  AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: '2026-11-25T10:00:00.000+0000',
});

/** The queue answers `bodies` once, then nothing: a real queue hides what it handed out. */
function queueHolding(bodies: string[]) {
  sqs
    .on(ReceiveMessageCommand)
    .resolvesOnce({
      Messages: bodies.map((Body, i) => ({ MessageId: `m-${i}`, ReceiptHandle: `r-${i}`, Body })),
    })
    .resolves({});
  sqs.on(DeleteMessageCommand).resolves({});
}

async function redrive() {
  const out = new PassThrough();
  const client = new SQSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const counts = await redriveQueue(
    { sqs: client, replay: (body) => replayDeadLetter(h.klaxon.core.sns, body), out },
    { queueUrl, max: 100 },
  );
  return { counts, text: String(out.read() ?? '') };
}

describe('klaxon redrive', () => {
  it('replays an SNS envelope and an async-invocation SNS event once; a second redrive posts nothing new', async () => {
    // Prepare: what an SNS subscription's DLQ holds (the envelope) and what a function's DLQ holds (its event).
    const envelope = h.signer.notification(testTopicArn, alarm('Redrive-Envelope'));
    const { SigningCertURL, UnsubscribeURL, ...rest } = h.signer.notification(
      testTopicArn,
      alarm('Redrive-Event'),
    );
    const lambdaEvent = {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: `${testTopicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
          Sns: { ...rest, SigningCertUrl: SigningCertURL, UnsubscribeUrl: UnsubscribeURL },
        },
      ],
    };
    const bodies = [JSON.stringify(envelope), JSON.stringify(lambdaEvent)];
    queueHolding(bodies);
    // Act
    const first = await redrive();
    // Assess
    expect(first.counts).toEqual({ received: 2, replayed: 2, refused: 0, failed: 0, skipped: 0 });
    const posted = () => h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Redrive-'));
    expect(posted()).toHaveLength(2);
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual([
      'r-0',
      'r-1',
    ]);

    // Act again: the same messages (a redrive that died before its deletes).
    sqs.reset();
    queueHolding(bodies);
    const again = await redrive();
    expect(again.counts.replayed).toBe(2);
    expect(posted()).toHaveLength(2);
  });

  it('keeps what it cannot replay: a forged message, a failure, something unknown', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    queueHolding([
      JSON.stringify(h.signer.notification(testTopicArn, alarm('Redrive-Failing'))),
      JSON.stringify({ ...h.signer.notification(testTopicArn, alarm('Redrive-Forged')), Message: 'changed' }),
      '{"hello":"world"}',
    ]);
    const { counts, text } = await redrive();
    expect(counts).toEqual({ received: 3, replayed: 0, refused: 1, failed: 1, skipped: 1 });
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(text).toMatch(/m-0: failed \(kept\)/);
    expect(describeRedrive(counts)).toMatch(/3 read, 0 replayed/);
  });

  it('reads its arguments', () => {
    expect(parseRedriveArgs(['--queue', queueUrl, '--max', '5'])).toEqual({ queueUrl, max: 5 });
    expect(() => parseRedriveArgs(['--max', '5'])).toThrow(/--queue/);
    expect(() => parseRedriveArgs(['--queue', queueUrl, '--max', '0'])).toThrow(/--max/);
  });
});
