import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackWebClient } from '../src/slack/slack-client.ts';
import { createDocumentClient } from '../src/store/table.ts';
import { type BenchEnv, openBenchStore, startBenchKlaxon } from './bench-harness.ts';
import { capturedRecord, commandOf, freshCopies, storeOperationsOnce } from './isolation.ts';
import { createSender } from './load.ts';
import { envNumber, median, processCpuUs, round } from './measure.ts';
import { alarmPayload, signedBody } from './payloads.ts';
import { purePathStages } from './pure-path.ts';
import { warmNewAlerts } from './scenarios.ts';
import type { CapturedNewAlert } from './warm-up.ts';

export const pairedSizes = {
  rounds: envNumber('BENCH_PAIRED_ROUNDS', 10),
  alertsPerRound: envNumber('BENCH_PAIRED_ALERTS', 50),
};

export interface PairedCpuResult {
  rounds: number;
  alertsPerRound: number;
  /** Node CPU per new alert through the server (load generator and in-process fake Slack included). */
  serverUs: number;
  /** Node CPU per replay of the same alert's calls alone: its DynamoDB calls, then its chat.postMessage. */
  callsUs: number;
  /** The same calls made through Klaxon's store (its items built, what it reads validated), then the post. */
  viaStoreUs: number;
  /** Those store calls and the post behind a bare node:http server answering the same signed body: the SNS exchange's share. */
  behindHttpUs: number;
  /** The same bare server running Klaxon's pure path (envelope, verify, parse, decide, render) first. */
  withPurePathUs: number;
  /** The pure path's own CPU inside that server, per notification (median): what it costs between SDK calls. */
  purePathInServerUs: number;
  /** The median of the rounds' own ratios: server over the calls alone. */
  ratio: number;
  /** The median of the rounds' server over the calls through the store: what Klaxon adds to its store. */
  ratioViaStore: number;
  /** The median of the rounds' server over the same behind a bare HTTP server: Klaxon's own code and its JIT and GC. */
  ratioBehindHttp: number;
  /** The median of the rounds' server over the bare server with the pure path: the outbox, commit and drain. */
  ratioWithPurePath: number;
  /**
   * The median of the rounds' bare server with the pure path over the calls alone: what a server doing only
   * what every notification must (receive, verify, parse, decide, render, the same calls, answer) costs
   * here over its calls, whatever else it does or not. The floor under the CPU target on this machine.
   */
  floorRatio: number;
}

/**
 * CPU per new alert against the calls it makes, in alternating rounds: a round of new alerts through a
 * warmed server, a round replaying one captured new alert's calls alone (fresh ids, the same clients as
 * Klaxon's), a round making them through Klaxon's store, a round making them behind a bare HTTP server
 * that receives the same signed notifications, a round with that server running Klaxon's pure path first,
 * and again. The machine's speed drifts by tens of percent over a run; measured minutes apart, the
 * two sides of the ratio would each catch a different part of that drift, measured in turn they share it.
 */
export async function pairedNewAlertCpu(env: BenchEnv, captured: CapturedNewAlert): Promise<PairedCpuResult> {
  const { rounds, alertsPerRound } = pairedSizes;
  const k = await startBenchKlaxon(env, 'paired');
  const sender = createSender(k.url, 1);
  const dynamo = createDocumentClient({ endpoint: env.dynamo.endpoint });
  const slack = createSlackWebClient({ token: 'xoxb-bench-token', slackApiUrl: env.slack.url });
  const warmReplays = 30;
  const copies = freshCopies(captured, warmReplays + rounds * alertsPerRound);
  const bodies = Array.from({ length: rounds * alertsPerRound }, (_, i) =>
    signedBody(env.signer, alarmPayload(i, 'paired')),
  );
  const { store } = await openBenchStore(env, 'paired-store');
  const record = capturedRecord(captured);
  const replay = async (index: number) => {
    for (const { name, input } of copies[index]!) await dynamo.send(commandOf(name, input) as never);
    await slack.apiCall('chat.postMessage', captured.slackPost);
  };
  const replayViaStore = async (index: number) => {
    await storeOperationsOnce(store, record, `paired-${index}`);
    await slack.apiCall('chat.postMessage', captured.slackPost);
  };
  const notify = async (index: number) => {
    const { status, outcome } = await sender.post(bodies[index]!);
    if (status !== 200 || outcome !== 'new-alert')
      throw new Error(`paired new alert answered ${status} ${outcome}`);
  };
  let bareReplays = 0;
  const bare = await startBareServer(async (body) => {
    JSON.parse(body);
    await replayViaStore(bareReplays++);
  });
  const stages = purePathStages(env);
  const purePathCpu: number[] = [];
  const bareWithPurePath = await startBareServer(async (body) => {
    const started = processCpuUs();
    await stages.newAlert(body);
    purePathCpu.push(processCpuUs() - started);
    await replayViaStore(bareReplays++);
  });
  const bareSender = createSender(bare.url, 1);
  const pureSender = createSender(bareWithPurePath.url, 1);
  const postTo = (target: typeof bareSender) => async (index: number) => {
    const { status, outcome } = await target.post(bodies[index]!);
    if (status !== 200 || outcome !== 'new-alert')
      throw new Error(`a bare server answered ${status} ${outcome}`);
  };
  const behindHttp = postTo(bareSender);
  const withPurePath = postTo(pureSender);
  const cpuPerItem = async (from: number, call: (index: number) => Promise<void>) => {
    const start = processCpuUs();
    for (let i = from; i < from + alertsPerRound; i++) await call(i);
    return (processCpuUs() - start) / alertsPerRound;
  };
  try {
    await warmNewAlerts(env, k, 'paired', 1);
    for (let i = 0; i < warmReplays; i++) {
      await replay(i);
      await replayViaStore(i);
      await behindHttp(i);
      await withPurePath(i);
    }
    purePathCpu.length = 0;
    const server: number[] = [];
    const calls: number[] = [];
    const viaStore: number[] = [];
    const httpAndStore: number[] = [];
    const httpPureAndStore: number[] = [];
    const ratios: number[] = [];
    const ratiosViaStore: number[] = [];
    const ratiosBehindHttp: number[] = [];
    const ratiosWithPurePath: number[] = [];
    const floorRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const from = r * alertsPerRound;
      const serverUs = await cpuPerItem(from, notify);
      const callsUs = await cpuPerItem(warmReplays + from, replay);
      const viaStoreUs = await cpuPerItem(warmReplays + from, replayViaStore);
      const behindHttpUs = await cpuPerItem(from, behindHttp);
      const withPurePathUs = await cpuPerItem(from, withPurePath);
      server.push(serverUs);
      calls.push(callsUs);
      viaStore.push(viaStoreUs);
      httpAndStore.push(behindHttpUs);
      httpPureAndStore.push(withPurePathUs);
      ratios.push(serverUs / callsUs);
      ratiosViaStore.push(serverUs / viaStoreUs);
      ratiosBehindHttp.push(serverUs / behindHttpUs);
      ratiosWithPurePath.push(serverUs / withPurePathUs);
      floorRatios.push(withPurePathUs / callsUs);
    }
    return {
      rounds,
      alertsPerRound,
      serverUs: round(median(server)),
      callsUs: round(median(calls)),
      viaStoreUs: round(median(viaStore)),
      behindHttpUs: round(median(httpAndStore)),
      withPurePathUs: round(median(httpPureAndStore)),
      purePathInServerUs: round(median(purePathCpu)),
      ratio: round(median(ratios), 2),
      ratioViaStore: round(median(ratiosViaStore), 2),
      ratioBehindHttp: round(median(ratiosBehindHttp), 2),
      ratioWithPurePath: round(median(ratiosWithPurePath), 2),
      floorRatio: round(median(floorRatios), 2),
    };
  } finally {
    sender.close();
    bareSender.close();
    pureSender.close();
    await bare.close();
    await bareWithPurePath.close();
    dynamo.destroy();
    await k.close();
    env.slack.reset();
  }
}

/**
 * A node:http server that reads a notification's body, hands it to `handle`, and answers as Klaxon answers a
 * new alert: what the SNS exchange costs around the same calls, without Klaxon's server.
 */
async function startBareServer(handle: (body: string) => Promise<void>) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(Buffer.concat(chunks).toString('utf8')).then(
        () => {
          const text = '{"outcome":"new-alert"}';
          response.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(text),
          });
          response.end(text);
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
