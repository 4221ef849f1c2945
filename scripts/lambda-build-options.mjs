// The esbuild settings every Lambda bundle is built with, shared by scripts/build-lambdas.mjs, the bench's
// bundle section and the bundle-contents test, so what they measure and check is what ships.

import { boltUnusedReceivers } from './bolt-unused-receivers.mjs';

// ESM output calling require() for bundled CommonJS dependencies (and Node built-ins) needs a real require.
const banner = [
  "import { createRequire as __klaxonCreateRequire } from 'node:module';",
  'const require = __klaxonCreateRequire(import.meta.url);',
].join('\n');

/**
 * @param {{ minify?: boolean, sourcemap?: boolean }} [options] source maps only when asked for
 *   (KLAXON_SOURCEMAP=1): they double the zip and are read by no one unless debugging.
 * @returns {import('esbuild').BuildOptions}
 */
export function lambdaBuildOptions({ minify = true, sourcemap = process.env.KLAXON_SOURCEMAP === '1' } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Prefer the ES module builds of dependencies (the AWS SDK ships dist-es): better tree-shaking.
    mainFields: ['module', 'main'],
    banner: { js: banner },
    sourcemap,
    sourcesContent: false,
    minify,
    treeShaking: true,
    keepNames: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [boltUnusedReceivers()],
  };
}
