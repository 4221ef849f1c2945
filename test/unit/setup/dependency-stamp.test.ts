import { describe, expect, it } from 'vitest';
import { dependencyState, lockHashOf } from '../../../scripts/dependency-stamp.mjs';

const lockHash = lockHashOf('{"lockfileVersion":3}');

describe('whether npm start and npm test must install first', () => {
  it('trusts a stamp of the same lockfile, whatever the file times say (a fresh worktree)', () => {
    expect(dependencyState({ lockHash, stamp: `${lockHash}\n`, hiddenLockMtimeMs: 1, lockMtimeMs: 2 })).toBe(
      'current',
    );
  });

  it('installs when the lockfile changed since the stamp, even if node_modules looks newer', () => {
    const stamp = lockHashOf('{"lockfileVersion":3,"packages":{}}');
    expect(dependencyState({ lockHash, stamp, hiddenLockMtimeMs: 2, lockMtimeMs: 1 })).toBe('install');
  });

  it('adopts an install made without a stamp when npm wrote it after the lockfile', () => {
    expect(dependencyState({ lockHash, hiddenLockMtimeMs: 2, lockMtimeMs: 1 })).toBe('adopt');
  });

  it('installs when there is nothing installed, or an install older than the lockfile and no stamp', () => {
    expect(dependencyState({ lockHash, lockMtimeMs: 1 })).toBe('install');
    expect(dependencyState({ lockHash, hiddenLockMtimeMs: 1, lockMtimeMs: 2 })).toBe('install');
  });
});
