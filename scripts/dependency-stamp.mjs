// Whether node_modules holds what package-lock.json locks, told by content rather than by file times: a
// fresh clone or a git worktree gives package-lock.json the checkout's time, which says nothing about it.
import { createHash } from 'node:crypto';

export const stampFile = 'node_modules/.klaxon-lock-sha256';

export function lockHashOf(lockText) {
  return createHash('sha256').update(lockText).digest('hex');
}

/**
 * `stamp`: the hash written after the last install, or undefined. Without one (an install made by hand, or
 * before stamps), npm's own hidden lockfile being at least as new as package-lock.json is taken as current,
 * the rule used before stamps.
 * @param {{ lockHash: string, stamp?: string, hiddenLockMtimeMs?: number, lockMtimeMs: number }} state
 * @returns {'current' | 'adopt' | 'install'}
 */
export function dependencyState({ lockHash, stamp, hiddenLockMtimeMs, lockMtimeMs }) {
  if (stamp !== undefined) return stamp.trim() === lockHash ? 'current' : 'install';
  if (hiddenLockMtimeMs === undefined) return 'install';
  return hiddenLockMtimeMs >= lockMtimeMs ? 'adopt' : 'install';
}
