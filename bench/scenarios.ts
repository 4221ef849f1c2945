import { pollWithDeadline } from '../src/util/poll-with-deadline.ts';
import { type BenchEnv, type BenchKlaxon, benchChannel, startBenchKlaxon } from './bench-harness.ts';
import { createSlackSender, signedAcknowledgeClick } from './clicks.ts';
import { createSender, runBounded } from './load.ts';
import {
  type Counts,
  childCpuUs,
  countBy,
  diffCounts,
  envNumber,
  type LatencySummary,
  latencyHistogram,
  processCpuUs,
  round,
  summarizeLatency,
} from './measure.ts';
import { alarmPayload, signedBody } from './payloads.ts';

/** Sized to finish the whole run in about three minutes on two cores; each can be set by env var. */
export const sizes = {
  newAlarms: envNumber('BENCH_NEW_ALERTS', 400),
  openAlarms: envNumber('BENCH_OPEN_ALARMS', 100),
  repeats: envNumber('BENCH_REPEATS', 800),
  duplicates: envNumber('BENCH_DUPLICATES', 500),
  clicks: envNumber('BENCH_CLICKS', 200),
  inFlightAlarms: envNumber('BENCH_IN_FLIGHT_ALERTS', 3_000),
  inFlight: envNumber('BENCH_IN_FLIGHT', 32),
  /** Untimed new alerts that warm a new-alert scenario's fresh server first. */
  warmUpAlarms: envNumber('BENCH_WARM_UP_ALERTS', 100),
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
  /** Calls made while the requests were being answered (and, for clicks, their work finished). */
  dynamoCalls: Counts;
  slackCalls: Counts;
  /** Calls the requests caused later: coalesced root refreshes, flushed when the server closes. */
  deferredDynamoCalls: Counts;
  deferredSlackCalls: Counts;
  /** Whole Node process: Klaxon + the load generator + the in-process fake Slack (absent for clicks). */
  nodeCpuUs?: number;
  /** DynamoDB Local's JVM, read from /proc. */
  dynamoLocalCpuUs?: number;
}

/** Where a measured window starts: counters and clocks. */
function openWindow(env: BenchEnv, k: BenchKlaxon) {
  // Only the call log: the messages stay, so clicks and repeats find the roots they update.
  env.slack.calls.length = 0;
  return {
    dynamo: { ...k.dynamoCalls },
    cpu: processCpuUs(),
    java: childCpuUs(env.dynamo.process.pid),
    started: performance.now(),
  };
}

/** Closes a window: counts what it made, then closes the server to count what it deferred. */
async function closeWindow(env: BenchEnv, k: BenchKlaxon, start: ReturnType<typeof openWindow>) {
  const wallMs = performance.now() - start.started;
  const nodeCpuUs = processCpuUs() - start.cpu;
  const javaEnd = childCpuUs(env.dynamo.process.pid);
  const dynamoCalls = diffCounts(k.dynamoCalls, start.dynamo);
  const slackCalls = countBy(env.slack.calls, (call) => call.method);
  const slackAfter = env.slack.calls.length;
  const dynamoAfter = { ...k.dynamoCalls };
  await k.close();
  return {
    wallMs: round(wallMs),
    nodeCpuUs,
    ...(start.java !== undefined && javaEnd !== undefined ? { dynamoLocalCpuUs: javaEnd - start.java } : {}),
    dynamoCalls,
    slackCalls,
    deferredDynamoCalls: diffCounts(k.dynamoCalls, dynamoAfter),
    deferredSlackCalls: countBy(env.slack.calls.slice(slackAfter), (call) => call.method),
  };
}

/** Signs outside the measured window: signing is SNS's work, not Klaxon's. */
const presign = (env: BenchEnv, payloads: unknown[]) => payloads.map((p) => signedBody(env.signer, p));

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

export async function measureTraffic(
  env: BenchEnv,
  k: BenchKlaxon,
  head: { name: string; description: string; concurrency: number },
  bodies: readonly string[],
): Promise<ScenarioResult> {
  const sender = createSender(k.url, head.concurrency);
  const histogram = latencyHistogram();
  const outcomes: Counts = {};
  const statuses: Counts = {};
  const window = openWindow(env, k);
  await runBounded(bodies, head.concurrency, async (body) => {
    const delivery = await sender.post(body);
    histogram.recordValue(Math.max(1, Math.round(delivery.latencyUs)));
    outcomes[delivery.outcome] = (outcomes[delivery.outcome] ?? 0) + 1;
    statuses[delivery.status] = (statuses[delivery.status] ?? 0) + 1;
  });
  const measured = await closeWindow(env, k, window);
  sender.close();
  const latencyMs = summarizeLatency(histogram);
  histogram.destroy();
  const perSecond = round((bodies.length / measured.wallMs) * 1000);
  return { ...head, count: bodies.length, perSecond, latencyMs, outcomes, statuses, ...measured };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Untimed new alerts on a fresh server first. Each scenario builds its own Klaxon, whose functions and SDK
 * clients are new closures that V8 profiles and optimises anew: without this the first requests' warm-up
 * would be counted, while the calls they are compared with are measured warm.
 */
export async function warmNewAlerts(env: BenchEnv, k: BenchKlaxon, prefix: string, concurrency: number) {
  await send(
    k,
    presign(
      env,
      range(sizes.warmUpAlarms).map((i) => alarmPayload(i, `${prefix}-warm`)),
    ),
    concurrency,
  );
}

export async function newAlerts(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'new');
  await warmNewAlerts(env, k, 'new', 1);
  const bodies = presign(
    env,
    range(sizes.newAlarms).map((i) => alarmPayload(i, 'new')),
  );
  const description = `${sizes.newAlarms} distinct alarms, one each, one at a time, after ${sizes.warmUpAlarms} untimed`;
  return measureTraffic(env, k, { name: 'new alert', description, concurrency: 1 }, bodies);
}

export async function repeats(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'repeat');
  await send(
    k,
    presign(
      env,
      range(sizes.openAlarms).map((i) => alarmPayload(i, 'rep')),
    ),
    8,
  );
  const bodies = presign(
    env,
    range(sizes.repeats).map((i) => alarmPayload(i % sizes.openAlarms, 'rep')),
  );
  const description = `${sizes.repeats} copies of the same state change of ${sizes.openAlarms} open alarms`;
  return measureTraffic(env, k, { name: 'coalesced repeat', description, concurrency: 1 }, bodies);
}

export async function duplicates(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'dup');
  const originals = presign(
    env,
    range(sizes.duplicates).map((i) => alarmPayload(i, 'dup')),
  );
  await send(k, originals, 8);
  const description = `${sizes.duplicates} re-deliveries of already processed MessageIds`;
  return measureTraffic(env, k, { name: 'duplicate delivery', description, concurrency: 1 }, originals);
}

export async function newAlertsInFlight(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'inflight');
  await warmNewAlerts(env, k, 'flight', sizes.inFlight);
  const bodies = presign(
    env,
    range(sizes.inFlightAlarms).map((i) => alarmPayload(i, 'flight')),
  );
  const description = `${sizes.inFlightAlarms} distinct alarms, ${sizes.inFlight} in flight, after ${sizes.warmUpAlarms} untimed`;
  const head = { name: `new alert x${sizes.inFlight}`, description, concurrency: sizes.inFlight };
  return measureTraffic(env, k, head, bodies);
}

/**
 * Acknowledge clicks on open alerts, one at a time. Bolt answers Slack before its listener has finished, so
 * each click is timed until its work is done: the alert's chat.update made and its drain lease released.
 */
export async function clicks(env: BenchEnv): Promise<ScenarioResult> {
  const k = await startBenchKlaxon(env, 'click');
  env.slack.reset();
  await send(
    k,
    presign(
      env,
      range(sizes.clicks).map((i) => alarmPayload(i, 'click')),
    ),
    8,
  );
  const roots = env.slack.messages(benchChannel);
  if (roots.length !== sizes.clicks) throw new Error(`expected ${sizes.clicks} roots, got ${roots.length}`);
  const prepared = roots.map(signedAcknowledgeClick);
  const sender = createSlackSender(k.url);
  const histogram = latencyHistogram();
  const statuses: Counts = {};
  const outcomes: Counts = {};
  const window = openWindow(env, k);
  for (const click of prepared) {
    const started = performance.now();
    const updatesBefore = countBy(env.slack.calls, (call) => call.method)['chat.update'] ?? 0;
    const status = await sender.post(click);
    statuses[status] = (statuses[status] ?? 0) + 1;
    const done = await waitForClickDone(env, k, click.alertId, updatesBefore);
    outcomes[done ? 'acknowledged' : 'timed-out'] = (outcomes[done ? 'acknowledged' : 'timed-out'] ?? 0) + 1;
    histogram.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
  }
  const { nodeCpuUs: _polluted, ...measured } = await closeWindow(env, k, window);
  sender.close();
  const latencyMs = summarizeLatency(histogram);
  histogram.destroy();
  return {
    name: 'button click',
    description: `${sizes.clicks} signed block_actions Acknowledge clicks, one at a time, each until done`,
    concurrency: 1,
    count: prepared.length,
    perSecond: round((prepared.length / measured.wallMs) * 1000),
    latencyMs,
    outcomes,
    statuses,
    ...measured,
  };
}

/** Polls through the observer's own client, so the polling is not counted as Klaxon's calls. */
async function waitForClickDone(env: BenchEnv, k: BenchKlaxon, alertId: string, updatesBefore: number) {
  const updated = await pollWithDeadline(
    async () => env.slack.calls.filter((call) => call.method === 'chat.update').length,
    (n): n is number => n > updatesBefore,
    { timeoutMs: 5_000, intervalMs: 1 },
  );
  if (updated === undefined) return false;
  const released = await pollWithDeadline(
    () => k.observer.alerts.loadAlert(alertId),
    (snapshot): snapshot is typeof snapshot =>
      snapshot.record?.acknowledged !== undefined && snapshot.drain === undefined,
    { timeoutMs: 5_000, intervalMs: 1 },
  );
  return released !== undefined;
}
