import { describe, expect, it } from 'vitest';
import { readDeadLetter } from '../../../src/core/notifications/read-dead-letter.ts';
import { createSnsSigner } from '../../../src/sandbox/sns-signer.ts';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:klaxon-alerts';
const envelope = createSnsSigner().notification(topicArn, { hello: 'world' });
const lambdaRecord = { Records: [{ EventSource: 'aws:sns', Sns: envelope }] };

describe('reading a dead-letter message', () => {
  it('reads an SNS subscription’s envelope, a function’s SNS event, and an on-failure destination record', () => {
    for (const body of [envelope, lambdaRecord, { requestPayload: lambdaRecord, responsePayload: {} }]) {
      const letter = readDeadLetter(JSON.stringify(body));
      expect(letter.kind).toBe('sns');
      expect(letter.kind === 'sns' && letter.messages.map((m) => m.MessageId)).toEqual([envelope.MessageId]);
    }
  });

  it('tells the schedule, a command and anything else apart', () => {
    const schedule = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };
    expect(readDeadLetter(JSON.stringify(schedule)).kind).toBe('schedule');
    expect(readDeadLetter('not json')).toMatchObject({ kind: 'unrecognized' });
    expect(readDeadLetter('{"Records":[{"s3":{}}]}')).toMatchObject({ kind: 'unrecognized' });
  });
});
