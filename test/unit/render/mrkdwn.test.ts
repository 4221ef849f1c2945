import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, formatDuration, formatSlackDate } from '../../../src/render/index.ts';

describe('mrkdwn helpers', () => {
  it('escapes the three control characters, ampersand first', () => {
    expect(escapeMrkdwn('a & <b> &amp;')).toBe('a &amp; &lt;b&gt; &amp;amp;');
  });

  it('renders a Slack date token with an ISO fallback', () => {
    expect(formatSlackDate('2024-03-15T10:00:00Z')).toBe(
      '<!date^1710496800^{date_short_pretty} {time}|2024-03-15T10:00:00.000Z>',
    );
    expect(formatSlackDate('not <a> date')).toBe('not &lt;a&gt; date');
  });

  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [42 * 60_000, '42 min'],
    [72 * 60_000, '1 h 12 min'],
    [120 * 60_000, '2 h'],
    [(3 * 24 + 4) * 3_600_000 + 5 * 60_000, '3 d 4 h'],
    [2 * 24 * 3_600_000, '2 d'],
    [-5, '0 s'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
