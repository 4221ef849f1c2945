import { describe, expect, it } from 'vitest';
import { toPublicSnsAnswer } from '../../../src/core/notifications/public-sns-answer.ts';

describe('toPublicSnsAnswer', () => {
  it.each([
    ['RangeError: Invalid string length', 'failed'],
    ['ValidationException: Item size has exceeded the maximum allowed size', 'failed'],
    ['TypeError: fetch failed', 'refused:certificate-unavailable'],
    ['Error: ECONNREFUSED', 'slack-failed'],
  ])('answers a 5xx with a fixed reason, never "%s"', (detail, outcome) => {
    const answer = toPublicSnsAnswer({ status: 503, outcome, detail } as never);
    expect(answer).toEqual({ outcome: 'failed', detail: 'temporary failure; SNS will retry' });
  });

  it('answers a refusal with its outcome and fixed words, not the logged detail', () => {
    const answer = toPublicSnsAnswer({
      status: 403,
      outcome: 'refused:topic-not-allowed',
      detail: 'topic is not in sns.allowedTopicArns',
    } as never);
    expect(answer).toEqual({ outcome: 'refused:topic-not-allowed', detail: 'topic not allowed' });
  });

  it('keeps the fix for raw message delivery, which is useful and says nothing about Klaxon', () => {
    expect(toPublicSnsAnswer({ status: 400, outcome: 'refused:raw-delivery' }).detail).toMatch(
      /RawMessageDelivery/,
    );
  });

  it('answers an unknown refusal generically, and a success with its outcome word only', () => {
    expect(toPublicSnsAnswer({ status: 409, outcome: 'refused:toString' })).toEqual({
      outcome: 'refused',
      detail: 'refused',
    });
    expect(toPublicSnsAnswer({ status: 200, outcome: 'new-alert', detail: 'x' } as never)).toEqual({
      outcome: 'new-alert',
    });
  });
});
