import type { ViewOutput } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { readMuteSubmission } from '../../../src/bot/listeners/views/read-mute-submission.ts';

function submitted(duration: string, reason: string, metadata = 'alert-1'): ViewOutput {
  return {
    private_metadata: metadata,
    state: {
      values: {
        mute_duration: { duration: { type: 'plain_text_input', value: duration } },
        mute_reason: { reason: { type: 'plain_text_input', value: reason } },
      },
    },
  } as unknown as ViewOutput;
}

describe('readMuteSubmission enforces the modal limits server-side', () => {
  it('accepts a reason of exactly 500 characters', () => {
    expect(readMuteSubmission(submitted('2h', 'r'.repeat(500)))).toMatchObject({ ok: true });
  });

  it('reads the channel the modal was opened from, where answers for the person go', () => {
    expect(readMuteSubmission(submitted('2h', 'deploy', 'alert-1|C0ALERTS'))).toMatchObject({
      ok: true,
      alertId: 'alert-1',
      channel: 'C0ALERTS',
    });
  });

  it('refuses a longer reason with a modal error, whatever the client sent', () => {
    expect(readMuteSubmission(submitted('2h', 'r'.repeat(10_000)))).toEqual({
      ok: false,
      errors: { mute_reason: 'Keep it to 500 characters (this is 10000).' },
    });
  });

  it('refuses a duration longer than its field allows', () => {
    const result = readMuteSubmission(submitted(`1d${' '.repeat(5000)}`, 'deploy'));
    expect(result).toEqual({ ok: false, errors: { mute_duration: 'At most 20 characters.' } });
  });
});
