export const stampFile: string;
export function lockHashOf(lockText: string | Uint8Array): string;
export function dependencyState(state: {
  lockHash: string;
  stamp?: string;
  hiddenLockMtimeMs?: number;
  lockMtimeMs: number;
}): 'current' | 'adopt' | 'install';
