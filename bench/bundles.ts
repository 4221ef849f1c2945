import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../scripts/lambda-build-options.mjs';

const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;

const root = fileURLToPath(new URL('..', import.meta.url));
const handlers = ['sns-handler', 'worker-handler', 'slack-handler'] as const;
const baselineName = 'dynamodb-clients-alone';
/** The AWS SDK's DynamoDB clients and nothing else: what any function that reads DynamoDB has to load. */
const baselineSource = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  'export const createClient = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));',
].join('\n');

export const bundleGoals = { snsMaxBytes: 1024 * 1024, snsMaxImportRatio: 1.6 } as const;

export interface BundleFigure {
  name: string;
  bytes: number;
  importMs: number[];
  medianImportMs: number;
}

/**
 * Builds each function with the settings `npm run build` uses (and the DynamoDB clients alone, the baseline),
 * then imports each bundle in fresh Node processes: a cold start's module loading, without the runtime.
 */
export async function measureBundles(runs = envNumber('BENCH_IMPORT_RUNS', 7)): Promise<BundleFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'klaxon-bundles-'));
  try {
    const entryPoints = Object.fromEntries(
      handlers.map((h) => [`${h}/index`, join(root, `src/lambda/${h}.ts`)]),
    );
    const built = await build({ ...lambdaBuildOptions(), absWorkingDir: root, entryPoints, outdir: outDir });
    const baseline = await build({
      ...lambdaBuildOptions(),
      absWorkingDir: root,
      stdin: { contents: baselineSource, resolveDir: root, sourcefile: `${baselineName}.ts`, loader: 'ts' },
      outfile: join(outDir, baselineName, 'index.mjs'),
    });
    const outputs = { ...built.metafile.outputs, ...baseline.metafile.outputs };
    return [...handlers, baselineName].map((name) => {
      const file = join(outDir, name, 'index.mjs');
      const bytes =
        Object.entries(outputs).find(([path]) => path.endsWith(`${name}/index.mjs`))?.[1].bytes ?? 0;
      const importMs = Array.from({ length: runs }, () => importOnce(file));
      return { name, bytes, importMs, medianImportMs: median(importMs) };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Milliseconds a fresh Node process takes to import the bundle (measured inside it: no process start-up). */
function importOnce(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return Number(result.stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The bench's bundle section: each bundle's size and import time next to the goals. */
export function formatBundles(figures: BundleFigure[]): string {
  const baseline = figures.find((f) => f.name === baselineName);
  const allowedMs = (baseline?.medianImportMs ?? 0) * bundleGoals.snsMaxImportRatio;
  const goalOf = (f: BundleFigure) => {
    if (f.name === baselineName) return 'baseline (same esbuild settings)';
    if (f.name !== 'sns-handler')
      return `${(f.medianImportMs / (baseline?.medianImportMs ?? 1)).toFixed(2)} x baseline`;
    const sizeOk = f.bytes < bundleGoals.snsMaxBytes;
    const importOk = f.medianImportMs <= allowedMs;
    return `size < ${kib(bundleGoals.snsMaxBytes)} ${sizeOk ? 'MET' : 'NOT MET'}; import <= 1.6 x baseline = ${ms(allowedMs)} ${importOk ? 'MET' : 'NOT MET'}`;
  };
  const runs = figures[0]?.importMs.length ?? 0;
  const lines = figures.map(
    (f) =>
      `  ${f.name.padEnd(24)} ${kib(f.bytes).padStart(9)} ${ms(f.medianImportMs).padStart(8)}   ${goalOf(f)}`,
  );
  return [
    `Lambda bundles (minified as shipped; import: median of ${runs} fresh Node processes)`,
    `  ${'bundle'.padEnd(24)} ${'size'.padStart(9)} ${'import'.padStart(8)}   goal`,
    ...lines,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  measureBundles().then(
    (figures) => process.stdout.write(`${formatBundles(figures)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
