import { type BenchEnv, createBenchInputs, startBenchEnv } from './bench-harness.ts';
import { formatBundles, measureBundles } from './bundles.ts';
import { enrichedNewAlerts, formatEnrichmentFigure } from './enrichment.ts';
import { formatReport } from './format-report.ts';
import { measureDynamoCeiling, runIsolation } from './isolation.ts';
import { pairedNewAlertCpu } from './paired-cpu.ts';
import type { PurePathResult } from './pure-path.ts';
import { purePathInFreshProcesses, pureProcesses } from './pure-path-process.ts';
import { buildReport, writeReport } from './report.ts';
import {
  clicks,
  duplicates,
  newAlerts,
  newAlertsInFlight,
  repeats,
  type ScenarioResult,
  sizes,
} from './scenarios.ts';
import { warmUp } from './warm-up.ts';

/**
 * `npm run bench`: signed SNS notifications and Slack clicks through the real server on loopback (DynamoDB
 * Local, fake Slack), and the same work's unavoidable parts in isolation. Prints the figures against their
 * targets and writes reports/bench.json. Sizes: BENCH_* environment variables (see scenarios.ts, isolation.ts, paired-cpu.ts).
 */
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  progress(label);
  const started = performance.now();
  const result = await fn();
  progress(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function run(env: BenchEnv, pure: PurePathResult, startedAt: Date) {
  const captured = await timed('warm-up (not measured), capturing one new alert', () => warmUp(env));
  const isolation = await timed('isolation: each call of a new alert alone', () =>
    runIsolation(env, captured, pure),
  );
  const paired = await timed('new alerts and their calls alone, in alternating rounds', () =>
    pairedNewAlertCpu(env, captured),
  );
  const scenarios: ScenarioResult[] = [];
  for (const scenario of [newAlerts, repeats, duplicates, clicks, enrichedNewAlerts]) {
    scenarios.push(await timed(`scenario: ${scenario.name}`, () => scenario(env)));
  }
  const ceiling = await timed("DynamoDB Local's ceiling", () =>
    measureDynamoCeiling(env, captured, sizes.inFlight),
  );
  scenarios.push(await timed('scenario: new alerts in flight', () => newAlertsInFlight(env)));
  return buildReport(startedAt, isolation, paired, ceiling, scenarios);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  let env: BenchEnv | undefined;
  try {
    const inputs = createBenchInputs();
    // First, while nothing else runs beside it: no-I/O CPU is what it measures.
    const pure = await timed(`pure path and RSA alone (${pureProcesses} fresh quiet processes)`, () =>
      purePathInFreshProcesses(),
    );
    // Also before anything is started: import times are CPU-bound and fresh processes share the machine.
    const bundles = await timed('Lambda bundles: size and import time in fresh Node processes', () =>
      measureBundles(),
    );
    env = await timed('starting DynamoDB Local and the fake Slack API', () => startBenchEnv(inputs));
    const report = await run(env, pure, startedAt);
    process.stdout.write(`${formatReport(report)}\n`);
    process.stdout.write(`\n${formatEnrichmentFigure(report.scenarios)}\n`);
    process.stdout.write(`\n${formatBundles(bundles)}\n`);
    progress(`wrote ${writeReport(report)}`);
  } finally {
    await env?.close();
  }
}

// A signal still runs the 'exit' hooks, which kill DynamoDB Local.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
