import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../scripts/lambda-build-options.mjs';
import { envNumber } from './measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const handlers = ['sns-handler', 'worker-handler', 'slack-handler'] as const;
const baselineName = 'dynamodb-clients-alone';
/** The AWS SDK's DynamoDB clients and nothing else: what any function that reads DynamoDB has to load. */
const baselineSource = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  'export const createClient = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));',
].join('\n');

/**
 * The SNS function and, after its import, the schema work of its first notification (bench/first-notification.ts):
 * schemas are built on first use, so the import alone would not show all a cold start does.
 */
const firstNotificationName = 'sns-first-notification';
const firstNotificationSource = [
  "export { handler } from './src/lambda/sns-handler.ts';",
  "export { readFirstNotification } from './bench/first-notification.ts';",
].join('\n');

export const bundleGoals = { snsMaxBytes: 1024 * 1024, snsMaxImportRatio: 1.6 } as const;

export interface BundleFigure {
  name: string;
  bytes: number;
  importMs: number[];
  medianImportMs: number;
  /** The SNS function only: its first notification's schema work, timed right after the import. */
  firstNotificationMs?: number[];
  medianFirstNotificationMs?: number;
}

/**
 * Builds each function with the settings `npm run build` uses (and the DynamoDB clients alone, the baseline),
 * then imports each bundle in fresh Node processes: a cold start's module loading, without the runtime. The
 * bundles take turns, run after run, so a machine busy for a while slows them all alike.
 */
export async function measureBundles(runs = envNumber('BENCH_IMPORT_RUNS', 7)): Promise<BundleFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'klaxon-bundles-'));
  try {
    const outputs = await buildBundles(outDir);
    const fileOf = (name: string) => join(outDir, name, 'index.mjs');
    const names = [...handlers, baselineName];
    const importMs = new Map(names.map((name) => [name, [] as number[]]));
    const firstNotificationMs: number[] = [];
    const record = firstSnsRecord();
    for (let run = 0; run < runs; run += 1) {
      for (const name of names) importMs.get(name)?.push(importOnce(fileOf(name)).importMs);
      firstNotificationMs.push(importOnce(fileOf(firstNotificationName), record).afterImportMs);
    }
    return names.map((name) => {
      const bytes =
        Object.entries(outputs).find(([path]) => path.endsWith(`${name}/index.mjs`))?.[1].bytes ?? 0;
      const times = importMs.get(name) ?? [];
      const figure: BundleFigure = { name, bytes, importMs: times, medianImportMs: median(times) };
      if (name !== 'sns-handler') return figure;
      return { ...figure, firstNotificationMs, medianFirstNotificationMs: median(firstNotificationMs) };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function buildBundles(outDir: string) {
  const entryPoints = Object.fromEntries(
    handlers.map((h) => [`${h}/index`, join(root, `src/lambda/${h}.ts`)]),
  );
  const fromSource = (name: string, contents: string) =>
    build({
      ...lambdaBuildOptions(),
      absWorkingDir: root,
      stdin: { contents, resolveDir: root, sourcefile: `${name}.ts`, loader: 'ts' },
      outfile: join(outDir, name, 'index.mjs'),
    });
  const built = await build({ ...lambdaBuildOptions(), absWorkingDir: root, entryPoints, outdir: outDir });
  const baseline = await fromSource(baselineName, baselineSource);
  await fromSource(firstNotificationName, firstNotificationSource);
  return { ...built.metafile.outputs, ...baseline.metafile.outputs };
}

/** An SNS record as Lambda delivers it (AWS's sample event), carrying a CloudWatch alarm (AWS's sample). */
function firstSnsRecord(): string {
  const fixture = (path: string) => readFileSync(join(root, 'test/fixtures', path), 'utf8');
  const event = JSON.parse(fixture('lambda/sns-event.json')) as { Records: Array<{ Sns: object }> };
  return JSON.stringify({
    ...event.Records[0]?.Sns,
    Message: fixture('cloudwatch/alarm-single-metric.json'),
  });
}

/**
 * Milliseconds a fresh Node process takes to import the bundle (measured inside it: no process start-up) and,
 * given an SNS record, to read it as the first notification right after.
 */
function importOnce(file: string, snsRecord?: string): { importMs: number; afterImportMs: number } {
  const then = snsRecord
    ? `const a = performance.now(); m.readFirstNotification(${JSON.stringify(snsRecord)}); const after = performance.now() - a;`
    : 'const after = 0;';
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)}); const imported = performance.now() - t; ${then} process.stdout.write(imported + ' ' + after);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  const [importMs = Number.NaN, afterImportMs = Number.NaN] = result.stdout.split(' ').map(Number);
  return { importMs, afterImportMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What the import leaves to the first notification: the schemas it reads are built then, not at import. */
function firstNotificationLine(f: BundleFigure): string {
  const after = f.medianFirstNotificationMs ?? 0;
  return `    then its first notification's schemas +${ms(after)} (import + schemas ${ms(f.medianImportMs + after)}; built on first use, not at import)`;
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
  const lines = figures.flatMap((f) => [
    `  ${f.name.padEnd(24)} ${kib(f.bytes).padStart(9)} ${ms(f.medianImportMs).padStart(8)}   ${goalOf(f)}`,
    ...(f.medianFirstNotificationMs === undefined ? [] : [firstNotificationLine(f)]),
  ]);
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
