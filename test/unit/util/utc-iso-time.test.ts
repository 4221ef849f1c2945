import { describe, expect, it } from 'vitest';
import { toIsoTime } from '../../../src/core/parsers/shared.ts';
import { printIsoTime, readCanonicalUtcTime } from '../../../src/util/utc-iso-time.ts';

/** What toIsoTime always did: normalise the offset, let Date read it, print it as ISO. */
function throughDate(value: string): string {
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
}

const times = [
  '2024-03-15T09:55:00.123+0000',
  '2024-03-15T09:55:00.123Z',
  '2024-03-15T09:55:00.123+00:00',
  '2024-03-15T09:55:00.123-0000',
  '1999-12-31T23:59:59.999+0000',
  '2024-02-29T12:00:00.000+0000',
  // Date rolls these over into the next day or month rather than refusing them.
  '2023-02-29T12:00:00.000+0000',
  '2024-02-30T00:00:00.000+0000',
  '2024-04-31T00:00:00.000Z',
  '2100-02-29T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '2024-01-01T24:00:00.000Z',
  // Refused by Date.
  '2024-13-01T00:00:00.000+0000',
  '2024-01-01T23:60:00.000+0000',
  '2024-01-00T00:00:00.000+0000',
  // Not the canonical shape: an offset, no milliseconds, a space.
  '2024-03-15T09:55:00.123+0900',
  '2024-03-15T09:55:00+0000',
  '2020-10-26 13:47:03+00:00',
];

describe('reading a CloudWatch time without building a Date', () => {
  it.each(times)('%s reads as Date reads it', (value) => {
    expect(toIsoTime(value, 'invalid')).toBe(throughDate(value));
  });

  it('answers only for a valid UTC time already in ISO form, and leaves everything else to Date', () => {
    expect(readCanonicalUtcTime('2024-03-15T09:55:00.123+0000')).toBe('2024-03-15T09:55:00.123Z');
    expect(readCanonicalUtcTime('2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(readCanonicalUtcTime('2023-02-29T00:00:00.000Z')).toBeUndefined();
    expect(readCanonicalUtcTime('2024-01-01T24:00:00.000Z')).toBeUndefined();
    expect(readCanonicalUtcTime('2024-03-15T09:55:00.123+0900')).toBeUndefined();
    expect(readCanonicalUtcTime('2020-10-26 13:47:03+00:00')).toBeUndefined();
  });
});

describe('printing a time read from text', () => {
  it.each(times)('%s prints as Date prints it', (value) => {
    const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(ms)) return;
    expect(printIsoTime(value, ms)).toBe(new Date(ms).toISOString());
  });
});
