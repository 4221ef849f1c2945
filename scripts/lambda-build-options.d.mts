import type { BuildOptions } from 'esbuild';

export function lambdaBuildOptions(options?: { minify?: boolean; sourcemap?: boolean }): BuildOptions & {
  metafile: true;
};
