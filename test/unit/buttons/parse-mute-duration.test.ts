import { describe, expect, it } from 'vitest';
import { parseMuteDuration } from '../../../src/core/buttons/parse-mute-duration.ts';

describe('parseMuteDuration', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['2h', 2 * 3_600_000],
    ['2h30m', 150 * 60_000],
    ['1d 4h', 28 * 3_600_000],
    [' 45min ', 45 * 60_000],
    ['30d', 30 * 86_400_000],
  ])('reads %s', (input, ms) => {
    expect(parseMuteDuration(input)).toEqual({ ok: true, durationMs: ms });
  });

  it.each(['', 'soon', '2x', '0m', '31d', 'h', '-5m', '1.5h'])('refuses %j with a message', (input) => {
    const result = parseMuteDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\w/);
  });
});
