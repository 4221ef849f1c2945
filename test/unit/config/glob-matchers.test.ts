import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../src/model/alert-matchers.ts';

describe('globToRegExp', () => {
  it('compiles each glob once: every notification checks the same topic and route globs again', () => {
    expect(globToRegExp('arn:aws:sns:*:123456789012:alerts-?')).toBe(
      globToRegExp('arn:aws:sns:*:123456789012:alerts-?'),
    );
  });

  it('matches whole names, `*` any run and `?` one character, everything else literally', () => {
    const glob = globToRegExp('prod-*.db-?');
    expect(glob.test('prod-eu.db-1')).toBe(true);
    expect(glob.test('prod-eu.db-12')).toBe(false);
    expect(glob.test('prod-euXdb-1')).toBe(false);
    expect(globToRegExp('a(b)|c').test('a(b)|c')).toBe(true);
  });
});
