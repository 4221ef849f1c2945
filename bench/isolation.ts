import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AlertRecord } from '../src/model/records.ts';
import { createSlackWebClient } from '../src/slack/slack-client.ts';
import type { KlaxonStore } from '../src/store/open-store.ts';
import { readAlertRecord } from '../src/store/record-schemas.ts';
import { createDocumentClient } from '../src/store/table.ts';
import { type BenchEnv, openBenchStore } from './bench-harness.ts';
import { createSender, runBounded } from './load.ts';
import { childCpuUs, envNumber, median, processCpuUs, round } from './measure.ts';
import { alarmPayload, signedBody } from './payloads.ts';
import type { PurePathResult } from './pure-path.ts';
import type { CapturedNewAlert } from './warm-up.ts';

export const isolationSizes = {
  replays: envNumber('BENCH_ISOLATED_CALLS', 600),
  httpRoundTrips: 1_000,
  ceilingPuts: envNumber('BENCH_CEILING_PUTS', 6_000),
};

export interface CallCost {
  n: number;
  medianWallMs: number;
  /** This Node process's CPU per call (client side; for Slack and HTTP also the in-process server). */
  medianCpuUs: number;
  meanCpuUs: number;
  /** DynamoDB Local's JVM CPU per call (from /proc, 10 ms ticks summed over all calls: approximate). */
  dynamoLocalCpuUs?: number;
}

export interface IsolationResult {
  pure: PurePathResult;
  /** One new alert's own calls, replayed alone with fresh ids, each measured by itself. */
  calls: Record<string, CallCost>;
  /** The same calls made as Klaxon makes them: through its store (its items built, what it reads validated). */
  storeOperations: Record<string, CallCost>;
  httpNoop: CallCost;
}

/** Waits (up to 10 s) until DynamoDB Local's JVM has stopped compiling and collecting after the warm-up. */
async function waitForQuietJvm(pid: number | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const before = childCpuUs(pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = childCpuUs(pid);
    if (before === undefined || after === undefined || after - before < 25_000) return;
  }
}

/** Times each call alone: wall and this process's CPU from its start until its answer is in hand. */
function createCostMeter(javaPid?: number) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let javaUs = 0;
  return {
    async measure<T>(call: () => Promise<T>): Promise<T> {
      const java = childCpuUs(javaPid);
      const cpu = processCpuUs();
      const started = performance.now();
      const result = await call();
      walls.push(performance.now() - started);
      cpus.push(processCpuUs() - cpu);
      if (java !== undefined) javaUs += (childCpuUs(javaPid) ?? java) - java;
      return result;
    },
    cost(): CallCost {
      const mean = cpus.reduce((sum, value) => sum + value, 0) / cpus.length;
      return {
        n: cpus.length,
        medianWallMs: round(median(walls), 3),
        medianCpuUs: round(median(cpus)),
        meanCpuUs: round(mean),
        ...(javaPid !== undefined ? { dynamoLocalCpuUs: round(javaUs / cpus.length) } : {}),
      };
    },
  };
}

/** The captured commands with the alert and message ids replaced: the same items, new keys. */
export function freshCopies(
  captured: CapturedNewAlert,
  n: number,
): Array<Array<{ name: string; input: unknown }>> {
  const text = JSON.stringify(captured.dynamo);
  return Array.from({ length: n }, (_, i) => {
    const id = `${i}-${randomUUID().slice(0, 8)}`;
    const copy = text.replaceAll(captured.alertId, `iso-${id}`).replaceAll(captured.messageId, `msg-${id}`);
    return JSON.parse(copy) as Array<{ name: string; input: unknown }>;
  });
}

export const commandOf = (name: string, input: unknown) => {
  const classes = {
    BatchGetItem: BatchGetCommand,
    TransactWriteItems: TransactWriteCommand,
    PutItem: PutCommand,
  };
  const Command = classes[name as keyof typeof classes];
  if (!Command) throw new Error(`no replay for ${name}`);
  return new Command(input as never);
};

/**
 * Replays one new alert's DynamoDB calls (read, transaction, conditional completion) with fresh ids, in
 * order, through a client set up as Klaxon's is; each call is measured alone. A refused condition throws.
 */
async function replayStoreCalls(env: BenchEnv, captured: CapturedNewAlert) {
  const client = createDocumentClient({ endpoint: env.dynamo.endpoint });
  const copies = freshCopies(captured, isolationSizes.replays + 30);
  const meters = new Map<string, ReturnType<typeof createCostMeter>>();
  for (const [index, copy] of copies.entries()) {
    for (const { name, input } of copy) {
      const command = commandOf(name, input);
      if (index < 30) await client.send(command as never);
      else {
        const meter = meters.get(name) ?? createCostMeter(env.dynamo.process.pid);
        meters.set(name, meter);
        await meter.measure(() => client.send(command as never));
      }
    }
  }
  client.destroy();
  return Object.fromEntries([...meters].map(([name, meter]) => [name, meter.cost()]));
}

/** The captured chat.postMessage, sent again through a WebClient set up as Klaxon's is. */
async function replaySlackPost(env: BenchEnv, captured: CapturedNewAlert): Promise<CallCost> {
  const client = createSlackWebClient({ token: 'xoxb-bench-token', slackApiUrl: env.slack.url });
  const meter = createCostMeter();
  const post = () => client.apiCall('chat.postMessage', captured.slackPost);
  for (let i = 0; i < 30; i++) await post();
  for (let i = 0; i < isolationSizes.replays; i++) await meter.measure(post);
  env.slack.reset();
  return meter.cost();
}

/** The load generator plus a node:http server that reads the body and answers JSON: the transport floor. */
async function httpNoop(env: BenchEnv): Promise<CallCost> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const text = '{"outcome":"noop"}';
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': text.length,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sender = createSender(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 1, '/sns');
  const body = signedBody(env.signer, alarmPayload(0, 'noop'));
  const meter = createCostMeter();
  try {
    for (let i = 0; i < 100; i++) await sender.post(body);
    for (let i = 0; i < isolationSizes.httpRoundTrips; i++) await meter.measure(() => sender.post(body));
    return meter.cost();
  } finally {
    sender.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * The new alert's three store operations — read, commit, completion — through Klaxon's own store, each alone,
 * on fresh alert ids: the calls as the server makes them, building items and validating reads included.
 */
async function replayStoreOperations(env: BenchEnv, captured: CapturedNewAlert) {
  const { store } = await openBenchStore(env, 'operations');
  const record = capturedRecord(captured);
  const meters = {
    BatchGetItem: createCostMeter(env.dynamo.process.pid),
    TransactWriteItems: createCostMeter(env.dynamo.process.pid),
    PutItem: createCostMeter(env.dynamo.process.pid),
  };
  for (let i = 0; i < isolationSizes.replays + 30; i++) {
    await storeOperationsOnce(store, record, `ops-${i}`, (name, call) =>
      i < 30 ? call() : meters[name].measure(call),
    );
  }
  return Object.fromEntries(Object.entries(meters).map(([name, meter]) => [name, meter.cost()]));
}

type StoreOperation = 'BatchGetItem' | 'TransactWriteItems' | 'PutItem';

/**
 * One new alert's store operations on a fresh alert id, as the server makes them: read the delivery and
 * the alert, commit the new state with its delivery and event, complete the drain. `measure` wraps each.
 */
export async function storeOperationsOnce(
  store: KlaxonStore,
  record: AlertRecord,
  label: string,
  measure: <T>(name: StoreOperation, call: () => Promise<T>) => Promise<T> = (_name, call) => call(),
): Promise<void> {
  const alertId = `${label}-${randomUUID().slice(0, 8)}`;
  const messageId = `msg-${alertId}`;
  const next = { ...record, alertId, version: 1 };
  const lease = { owner: `bench:${messageId}`, until: Date.now() + 15_000 };
  await measure('BatchGetItem', () => store.alerts.loadForDelivery(alertId, messageId));
  const at = new Date().toISOString();
  const committed = await measure('TransactWriteItems', () =>
    store.alerts.commit({
      alertId,
      expectedVersion: 0,
      change: { next, steps: [] },
      claimDrain: { lease, nowMs: Date.now() },
      delivery: { messageId, receivedAt: at, expiresAt: Math.floor(Date.now() / 1000) + 86_400 },
      event: { at, messageId, summary: { outcome: 'new-alert' } },
    }),
  );
  if (committed !== 'committed') throw new Error(`bench commit answered ${committed}`);
  const done = { ...next, outbox: [], ts: '1700000000.000100', version: 2 };
  if (!(await measure('PutItem', () => store.alerts.completeDrain(done, 1, lease.owner)))) {
    throw new Error('bench completion was refused');
  }
}

/** The alert record the captured new alert committed (the state item of its transaction). */
export function capturedRecord(captured: CapturedNewAlert): AlertRecord {
  const transaction = captured.dynamo.find((command) => command.name === 'TransactWriteItems');
  if (!transaction) throw new Error('the captured new alert made no transaction');
  const items = (transaction.input as { TransactItems: Array<{ Put?: { Item: Record<string, unknown> } }> })
    .TransactItems;
  const state = items.map((item) => item.Put?.Item).find((item) => item?.sk === '#STATE');
  if (!state) throw new Error('the captured new alert committed no alert state');
  return { ...readAlertRecord(state.record), version: Number(state.version) } as AlertRecord;
}

export async function runIsolation(
  env: BenchEnv,
  captured: CapturedNewAlert,
  pure: PurePathResult,
): Promise<IsolationResult> {
  await waitForQuietJvm(env.dynamo.process.pid);
  const calls = await replayStoreCalls(env, captured);
  calls['chat.postMessage'] = await replaySlackPost(env, captured);
  const storeOperations = await replayStoreOperations(env, captured);
  return { pure, calls, storeOperations, httpNoop: await httpNoop(env) };
}

export interface CeilingResult {
  puts: number;
  inFlight: number;
  wallMs: number;
  itemsPerSecond: number;
  /** DynamoDB Local's JVM CPU per put while at its ceiling: the unit the in-flight scenario's store work is counted in. */
  dynamoLocalCpuUsPerPut?: number;
}

/**
 * DynamoDB Local's own ceiling: conditional PutItems of a real alert item (the new alert's completion
 * write), fresh keys, `inFlight` at once, straight through the document client.
 */
export async function measureDynamoCeiling(
  env: BenchEnv,
  captured: CapturedNewAlert,
  inFlight: number,
): Promise<CeilingResult> {
  const { store } = await openBenchStore(env, 'ceiling');
  const client: DynamoDBDocumentClient = createDocumentClient({ endpoint: env.dynamo.endpoint });
  const completion = captured.dynamo.find((command) => command.name === 'PutItem');
  if (!completion) throw new Error('the captured new alert made no PutItem');
  const item = (completion.input as { Item: Record<string, unknown> }).Item;
  const TableName = store.table.getName();
  const put = (i: number) =>
    client.send(
      new PutCommand({
        TableName,
        Item: { ...item, pk: `ALERT#ceiling-${i}` },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  const keys = Array.from({ length: isolationSizes.ceilingPuts }, (_, i) => i);
  await runBounded(keys.slice(0, 200), inFlight, async (i) => void (await put(-1 - i)));
  const javaBefore = childCpuUs(env.dynamo.process.pid);
  const started = performance.now();
  await runBounded(keys, inFlight, async (i) => void (await put(i)));
  const wallMs = performance.now() - started;
  const javaAfter = childCpuUs(env.dynamo.process.pid);
  client.destroy();
  return {
    puts: keys.length,
    inFlight,
    wallMs: round(wallMs),
    itemsPerSecond: round((keys.length / wallMs) * 1000),
    ...(javaBefore !== undefined && javaAfter !== undefined
      ? { dynamoLocalCpuUsPerPut: round((javaAfter - javaBefore) / keys.length) }
      : {}),
  };
}
