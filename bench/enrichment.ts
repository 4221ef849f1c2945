import type { Enricher } from '../src/model/enrichment.ts';
import { pollWithDeadline } from '../src/util/poll-with-deadline.ts';
import { createTinyPng } from '../test/helpers/tiny-png.ts';
import { type BenchEnv, startBenchKlaxon } from './bench-harness.ts';
import { alarmPayload, signedBody } from './payloads.ts';
import { measureTraffic, type ScenarioResult, sizes, warmNewAlerts } from './scenarios.ts';

/** How long the stand-in graph lookup takes: slower than any SNS answer, so waiting on it would show. */
const lookupMs = Number(process.env.BENCH_LOOKUP_MS ?? 500);

/** A metric graph that takes `lookupMs` to come back, like GetMetricWidgetImage on a slow day. */
const slowGraph: Enricher<unknown> = async (alert) => {
  await new Promise((resolve) => setTimeout(resolve, lookupMs));
  return {
    kind: 'image',
    title: alert.name,
    altText: alert.name,
    fileName: 'graph.png',
    png: createTinyPng(),
  };
};

/** The new-alert scenario again with the graph lookup on: SNS's answer must not wait for it. */
export async function enrichedNewAlerts(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'enriched', { enrichers: { 'metric-graph': slowGraph } });
  await warmNewAlerts(env, k, 'enriched', 1);
  // The warm-up's graphs are uploaded after its answers: all of them before the window opens.
  const warmGraphs = await pollWithDeadline(
    async () => env.slack.calls.filter((call) => call.method === 'files.completeUploadExternal').length,
    (n): n is number => n >= sizes.warmUpAlarms,
    { timeoutMs: 60_000, intervalMs: 20 },
  );
  if (warmGraphs === undefined) throw new Error('the warm-up graphs were not all uploaded');
  const bodies = Array.from({ length: sizes.newAlarms }, (_, i) =>
    signedBody(env.signer, alarmPayload(i, 'enriched')),
  );
  const description = `${sizes.newAlarms} distinct alarms, each with a ${lookupMs} ms graph lookup, after ${sizes.warmUpAlarms} untimed`;
  return measureTraffic(env, k, { name: 'enriched new alert', description, concurrency: 1 }, bodies);
}

/** The figure: SNS's answer time for a new alert with enrichment off and on. */
export function formatEnrichmentFigure(scenarios: ScenarioResult[]): string {
  const off = scenarios.find((s) => s.name === 'new alert' && s.concurrency === 1);
  const on = scenarios.find((s) => s.name === 'enriched new alert');
  if (!off || !on) return '';
  // A graph is uploaded by the timer drain right after its answer: most while later requests are measured.
  const method = 'files.completeUploadExternal';
  const uploads = (on.slackCalls[method] ?? 0) + (on.deferredSlackCalls[method] ?? 0);
  return [
    `Enrichment and SNS's answer (a ${lookupMs} ms graph lookup per new alert; it runs after the answer)`,
    `   off: p50 ${off.latencyMs.p50} ms, p99 ${off.latencyMs.p99} ms`,
    `   on:  p50 ${on.latencyMs.p50} ms, p99 ${on.latencyMs.p99} ms; graphs uploaded after the answers: ${uploads}/${on.count}`,
    `   added to the p50 answer: ${Math.round((on.latencyMs.p50 - off.latencyMs.p50) * 100) / 100} ms (waiting for the lookup would add ${lookupMs} ms or more);`,
    '   what is added is the enrichment drains of earlier alerts (3 store calls and 3 Slack calls each) sharing',
    '   DynamoDB Local and the two cores with the next answers, not a wait: BENCH_LOOKUP_MS does not move it.',
  ].join('\n');
}
