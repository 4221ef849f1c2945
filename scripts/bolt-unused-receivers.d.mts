import type { Plugin } from 'esbuild';

export const boltUnusedReceiverPackages: string[];
export function boltUnusedReceivers(): Plugin;
