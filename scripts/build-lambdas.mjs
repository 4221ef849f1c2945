// Bundles every `src/lambda/*-handler.ts` into `dist/lambda/<name>/index.mjs` (one directory per function, the
// Lambda asset the CDK stack deploys). The AWS SDK is bundled too, so the deployed versions are the locked ones
// rather than whatever the Node.js runtime ships. Usage: `npm run build` (add `-- --no-minify` to debug, and
// `-- --outdir <dir>` to build elsewhere, as the infra test does; the output directory is emptied first).
// Source maps only with KLAXON_SOURCEMAP=1; the settings are in lambda-build-options.mjs.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { lambdaBuildOptions } from './lambda-build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, 'src/lambda');
const { values: args } = parseArgs({
  options: { outdir: { type: 'string' }, 'no-minify': { type: 'boolean', default: false } },
});
const outDir = resolve(args.outdir ?? join(root, 'dist/lambda'));
const minify = !args['no-minify'];

const handlers = (await readdir(sourceDir)).filter((file) => file.endsWith('-handler.ts')).sort();
if (handlers.length === 0) {
  console.error(`build-lambdas: no *-handler.ts in ${relative(root, sourceDir)}`);
  process.exit(1);
}

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const entryPoints = Object.fromEntries(
  handlers.map((file) => [`${file.replace(/\.ts$/, '')}/index`, join(sourceDir, file)]),
);

const result = await build({
  ...lambdaBuildOptions({ minify }),
  absWorkingDir: root,
  entryPoints,
  outdir: outDir,
});

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.mjs')) continue;
  const path = join(root, file);
  const { size } = await stat(path);
  console.log(
    `${relative(process.cwd(), path).padEnd(44)} ${(size / 1024).toFixed(0).padStart(6)} KiB  (${output.entryPoint ?? ''})`,
  );
}
