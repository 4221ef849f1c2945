import { describe, expect, it } from 'vitest';
import { lazy } from '../../../src/util/lazy.ts';

describe('lazy', () => {
  it('builds nothing until asked, then builds once and hands back the same value', () => {
    // Prepare
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return { built: builds };
    });

    // Act
    const before = builds;
    const first = value();
    const second = value();

    // Assess
    expect(before).toBe(0);
    expect(first).toBe(second);
    expect(builds).toBe(1);
  });

  it('keeps a built undefined too, rather than building again', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return undefined;
    });
    value();
    value();
    expect(builds).toBe(1);
  });
});
