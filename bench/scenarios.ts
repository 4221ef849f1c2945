import { type BenchEnv, type BenchKlaxon, startBenchKlaxon } from './bench-harness.ts';
import { createSender, runBounded } from './load.ts';
import {
  type Counts,
  childCpuUs,
  childMemoryMb,
  countBy,
  diffCounts,
  type LatencySummary,
  latencyHistogram,
  processCpuUs,
  round,
  sampleRss,
  summarizeLatency,
} from './measure.ts';
import { alarmPayload, seededRandom, signedBody } from './payloads.ts';

const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;

/** Sized to finish in about three minutes on two cores; BENCH_STORM_CONCURRENCY varies the storm. */
export const sizes = {
  newAlarms: 300,
  repeats: 1_500,
  duplicateOriginals: 500,
  duplicateRounds: 2,
  stormNotifications: 10_000,
  stormAlarms: 200,
  stormConcurrency: envNumber('BENCH_STORM_CONCURRENCY', 32),
};

export interface ScenarioResult {
  name: string;
  description: string;
  concurrency: number;
  count: number;
  wallMs: number;
  perSecond: number;
  latencyMs: LatencySummary;
  outcomes: Counts;
  statuses: Counts;
  /** Calls made while the notifications were being answered. */
  dynamoCalls: Counts;
  slackCalls: Counts;
  /** Calls the notifications caused later: coalesced root refreshes, flushed when the server closes. */
  deferredDynamoCalls: Counts;
  deferredSlackCalls: Counts;
  /** Whole Node process: Klaxon + the load generator + the in-process fake Slack. */
  nodeCpuUs: number;
  /** DynamoDB Local's JVM, read from /proc. */
  dynamoLocalCpuUs?: number;
  peakRssMb: number;
  dynamoLocalPeakRssMb?: number;
  presignedBodiesMb: number;
  signingMs: number;
}

/** Signs outside the measured window: signing is SNS's work, not Klaxon's. */
function presign(env: BenchEnv, payloads: unknown[]) {
  const started = performance.now();
  const bodies = payloads.map((payload) => signedBody(env.signer, payload));
  const bytes = bodies.reduce((sum, body) => sum + body.length, 0);
  return { bodies, signingMs: round(performance.now() - started), mb: round(bytes / 1024 / 1024, 1) };
}

async function send(k: BenchKlaxon, bodies: readonly string[], concurrency: number) {
  const sender = createSender(k.url, concurrency);
  try {
    await runBounded(bodies, concurrency, async (body) => {
      const { status } = await sender.post(body);
      if (status >= 300) throw new Error(`set-up notification answered ${status}`);
    });
  } finally {
    sender.close();
  }
}

async function measureTraffic(
  env: BenchEnv,
  k: BenchKlaxon,
  head: { name: string; description: string; concurrency: number },
  signed: ReturnType<typeof presign>,
): Promise<ScenarioResult> {
  const { bodies } = signed;
  const sender = createSender(k.url, head.concurrency);
  const histogram = latencyHistogram();
  const outcomes: Counts = {};
  const statuses: Counts = {};
  const slackStart = env.slack.calls.length;
  const dynamoStart = { ...k.dynamoCalls };
  const pid = env.dynamo.process.pid;
  const rss = sampleRss();
  const cpuStart = processCpuUs();
  const javaStart = childCpuUs(pid);
  const started = performance.now();
  await runBounded(bodies, head.concurrency, async (body) => {
    const delivery = await sender.post(body);
    histogram.recordValue(Math.max(1, Math.round(delivery.latencyUs)));
    outcomes[delivery.outcome] = (outcomes[delivery.outcome] ?? 0) + 1;
    statuses[delivery.status] = (statuses[delivery.status] ?? 0) + 1;
  });
  const wallMs = performance.now() - started;
  const nodeCpuUs = processCpuUs() - cpuStart;
  const javaEnd = childCpuUs(pid);
  const peakRssMb = rss.stop();
  sender.close();
  const dynamoWindow = diffCounts(k.dynamoCalls, dynamoStart);
  const slackWindow = countBy(env.slack.calls.slice(slackStart), (call) => call.method);
  const slackAfterWindow = env.slack.calls.length;
  const dynamoAfterWindow = { ...k.dynamoCalls };
  await k.close();
  const latencyMs = summarizeLatency(histogram);
  histogram.destroy();
  return {
    ...head,
    count: bodies.length,
    wallMs: round(wallMs),
    perSecond: round((bodies.length / wallMs) * 1000),
    latencyMs,
    outcomes,
    statuses,
    dynamoCalls: dynamoWindow,
    slackCalls: slackWindow,
    deferredDynamoCalls: diffCounts(k.dynamoCalls, dynamoAfterWindow),
    deferredSlackCalls: countBy(env.slack.calls.slice(slackAfterWindow), (call) => call.method),
    nodeCpuUs,
    ...(javaStart !== undefined && javaEnd !== undefined ? { dynamoLocalCpuUs: javaEnd - javaStart } : {}),
    peakRssMb,
    ...(childMemoryMb(pid).peak !== undefined ? { dynamoLocalPeakRssMb: childMemoryMb(pid).peak } : {}),
    presignedBodiesMb: signed.mb,
    signingMs: signed.signingMs,
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Untimed: brings both JITs (Node's and DynamoDB Local's) and the sockets up to speed on a throwaway table. */
export async function warmUp(env: BenchEnv): Promise<void> {
  const alarms = 40;
  const k = await startBenchKlaxon(env, 'warmup');
  const first = presign(
    env,
    range(alarms).map((i) => alarmPayload(i, 'warm')),
  ).bodies;
  await send(k, first, 4);
  await send(
    k,
    presign(
      env,
      range(alarms * 3).map((i) => alarmPayload(i % alarms, 'warm')),
    ).bodies,
    4,
  );
  await send(k, first, 4);
  await k.close();
  env.slack.reset();
}

export async function newAlerts(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'new');
  env.slack.reset();
  const signed = presign(
    env,
    range(sizes.newAlarms).map((i) => alarmPayload(i, 'new')),
  );
  return measureTraffic(
    env,
    k,
    { name: 'new alert', description: `${sizes.newAlarms} distinct alarms, one each`, concurrency: 1 },
    signed,
  );
}

export async function repeats(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'repeat');
  env.slack.reset();
  await send(
    k,
    presign(
      env,
      range(sizes.newAlarms).map((i) => alarmPayload(i, 'rep')),
    ).bodies,
    8,
  );
  const signed = presign(
    env,
    range(sizes.repeats).map((i) => alarmPayload(i % sizes.newAlarms, 'rep')),
  );
  const description = `${sizes.repeats} copies of the same state change of ${sizes.newAlarms} open alarms`;
  return measureTraffic(env, k, { name: 'repeat', description, concurrency: 1 }, signed);
}

export async function duplicates(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'dup');
  env.slack.reset();
  // The originals are new alerts (no coalescing), so the deferred refreshes at close are the duplicates' own.
  const originals = presign(
    env,
    range(sizes.duplicateOriginals).map((i) => alarmPayload(i, 'dup')),
  );
  await send(k, originals.bodies, 16);
  const bodies = range(sizes.duplicateRounds).flatMap(() => originals.bodies);
  const description =
    `${bodies.length} re-deliveries (${sizes.duplicateRounds} rounds) of ` +
    `${sizes.duplicateOriginals} already processed MessageIds`;
  return measureTraffic(
    env,
    k,
    { name: 'duplicate', description, concurrency: 1 },
    { ...originals, bodies, mb: originals.mb },
  );
}

export async function storm(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'storm');
  env.slack.reset();
  const random = seededRandom(20_240_601);
  const signed = presign(
    env,
    range(sizes.stormNotifications).map(() =>
      alarmPayload(Math.floor(random() * sizes.stormAlarms), 'storm'),
    ),
  );
  const description =
    `${sizes.stormNotifications} notifications over ${sizes.stormAlarms} alarms ` +
    `(random order, seeded), ${sizes.stormConcurrency} in flight`;
  return measureTraffic(env, k, { name: 'storm', description, concurrency: sizes.stormConcurrency }, signed);
}
