import { type BenchEnv, startBenchEnv } from './bench-harness.ts';
import { runIsolation } from './isolation.ts';
import { buildReport, formatReport, writeReport } from './report.ts';
import { duplicates, newAlerts, repeats, type ScenarioResult, storm, warmUp } from './scenarios.ts';

/**
 * `npm run bench`: signed SNS notifications through the real server on loopback (DynamoDB Local, fake
 * Slack), and the same work's unavoidable parts in isolation. Prints tables, writes reports/bench.json.
 * BENCH_SCENARIOS=newAlerts,repeats,duplicates,storm picks scenarios; BENCH_STORM_CONCURRENCY sizes the storm.
 */
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function timed<T>(fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  progress(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  let env: BenchEnv | undefined;
  try {
    progress('starting DynamoDB Local and the fake Slack API');
    env = await startBenchEnv();
    progress('warm-up (not measured)');
    await timed(() => warmUp(env!));
    progress('isolation: pure path, one PutItem, one chat.postMessage, one no-op HTTP round trip');
    const isolation = await timed(() => runIsolation(env!));
    const scenarios: ScenarioResult[] = [];
    const only = process.env.BENCH_SCENARIOS?.split(',');
    const chosen = [newAlerts, repeats, duplicates, storm].filter((s) => !only || only.includes(s.name));
    for (const scenario of chosen) {
      progress(`scenario: ${scenario.name}`);
      scenarios.push(await timed(() => scenario(env!)));
    }
    const report = buildReport(startedAt, isolation, scenarios);
    process.stdout.write(`${formatReport(report)}\n`);
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
