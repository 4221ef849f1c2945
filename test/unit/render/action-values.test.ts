import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../../src/model/alert.ts';
import {
  encodeAlertIdValue,
  encodeModalTarget,
  encodeMuteOptionValue,
  encodeRerunValue,
  type MuteChoice,
  MuteChoices,
  parseAlertIdValue,
  parseModalTarget,
  parseMuteOptionValue,
  parseRerunValue,
} from '../../../src/render/index.ts';

const alertId = alertIdOf('cloudwatch-alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPU-web');

describe('action values', () => {
  it('round-trips an alert id', () => {
    expect(parseAlertIdValue(encodeAlertIdValue(alertId))).toEqual({ ok: true, value: alertId });
  });

  it.each(Object.keys(MuteChoices) as MuteChoice[])(
    'round-trips the mute option %s within 150 characters',
    (choice) => {
      const value = encodeMuteOptionValue(choice, alertId);

      expect(value.length).toBeLessThanOrEqual(150);
      expect(parseMuteOptionValue(value)).toEqual({ ok: true, value: { choice, alertId } });
    },
  );

  it('round-trips a rerun value, whatever the job name holds', () => {
    const rerun = { alertId, jobName: 'etl "daily" | <prod> ✓', jobRunId: `jr_${'a'.repeat(64)}` };

    expect(parseRerunValue(encodeRerunValue(rerun))).toEqual({ ok: true, value: rerun });
  });

  it('round-trips a rerun value without a run id (an alarm mapped to a job)', () => {
    const rerun = { alertId, jobName: 'nightly-etl' };
    const value = encodeRerunValue(rerun);

    expect(JSON.parse(value)).toEqual({ a: alertId, j: 'nightly-etl' });
    expect(parseRerunValue(value)).toEqual({ ok: true, value: rerun });
  });

  it.each([
    ['an empty alert id', () => parseAlertIdValue('')],
    ['an alert id with a separator', () => parseAlertIdValue('abc|def')],
    ['an unknown mute choice', () => parseMuteOptionValue(`2h|${alertId}`)],
    ['a mute value without an alert id', () => parseMuteOptionValue('1h')],
    ['a mute value with extra parts', () => parseMuteOptionValue(`1h|${alertId}|x`)],
    ['a rerun value that is not JSON', () => parseRerunValue('nightly-etl')],
    ['a rerun value missing the job', () => parseRerunValue(JSON.stringify({ a: alertId, r: 'jr_1' }))],
    [
      'a rerun value with an empty run id',
      () => parseRerunValue(JSON.stringify({ a: alertId, j: 'j', r: '' })),
    ],
    [
      'a rerun value with extra keys',
      () => parseRerunValue(JSON.stringify({ a: alertId, j: 'j', r: 'r', x: 1 })),
    ],
    [
      'a truncated rerun value',
      () =>
        parseRerunValue(
          `${encodeRerunValue({ alertId, jobName: 'j', jobRunId: 'r' }).slice(0, 20)}… (truncated)`,
        ),
    ],
  ])('rejects %s with an ActionValueError', (_name, parse) => {
    const result = parse();

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.name).toBe('ActionValueError');
  });
});

describe('modal target', () => {
  it('carries the alert and the opener’s channel, and still reads a modal opened before the channel was', () => {
    const value = encodeModalTarget({ alertId: '6O2MmsxXrQJxJiq_kbfz_a', channel: 'C0ALERTS' });
    expect(value).toBe('6O2MmsxXrQJxJiq_kbfz_a|C0ALERTS');
    expect(parseModalTarget(value)).toEqual({
      ok: true,
      value: { alertId: '6O2MmsxXrQJxJiq_kbfz_a', channel: 'C0ALERTS' },
    });
    expect(parseModalTarget('6O2MmsxXrQJxJiq_kbfz_a')).toEqual({
      ok: true,
      value: { alertId: '6O2MmsxXrQJxJiq_kbfz_a' },
    });
  });

  it('refuses what Klaxon never wrote there', () => {
    expect(parseModalTarget('a|#alerts')).toEqual({ ok: true, value: { alertId: 'a', channel: '#alerts' } });
    for (const forged of ['', 'a|C0ALERTS|x', 'a b', '|C0ALERTS', 'a|', 'a|<!channel>']) {
      expect(parseModalTarget(forged).ok).toBe(false);
    }
  });
});
