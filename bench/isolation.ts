import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createSlackWebClient } from '../src/slack/slack-client.ts';
import { type BenchEnv, benchChannel, openBenchStore } from './bench-harness.ts';
import { createSender } from './load.ts';
import { childCpuUs, median, processCpuUs, round } from './measure.ts';
import { alarmPayload, signedBody } from './payloads.ts';
import { type PurePathResult, purePath, sampleAlert } from './pure-path.ts';

export const isolationSizes = { dynamoPuts: 500, slackPosts: 500, httpRoundTrips: 2_000 };

export interface CallCost {
  n: number;
  medianWallMs: number;
  /** This Node process's CPU per call, median (client side; for Slack and HTTP also the in-process server). */
  cpuUs: number;
  meanCpuUs: number;
  dynamoLocalCpuUs?: number;
}

export interface IsolationResult {
  pure: PurePathResult;
  dynamoPut: CallCost;
  slackPost: CallCost;
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

async function callCost(n: number, call: (i: number) => Promise<unknown>, pid?: number): Promise<CallCost> {
  for (let i = 0; i < 50; i++) await call(i);
  const walls: number[] = [];
  const cpus: number[] = [];
  const javaStart = childCpuUs(pid);
  const cpuStart = processCpuUs();
  for (let i = 0; i < n; i++) {
    const cpu = processCpuUs();
    const started = performance.now();
    await call(i);
    walls.push(performance.now() - started);
    cpus.push(processCpuUs() - cpu);
  }
  const meanCpuUs = round((processCpuUs() - cpuStart) / n);
  const javaEnd = childCpuUs(pid);
  return {
    n,
    medianWallMs: round(median(walls), 3),
    cpuUs: round(median(cpus)),
    meanCpuUs,
    ...(javaStart !== undefined && javaEnd !== undefined
      ? { dynamoLocalCpuUs: round((javaEnd - javaStart) / n) }
      : {}),
  };
}

/** One PutItem of a real alert record, on its own table. */
async function dynamoPut(env: BenchEnv): Promise<CallCost> {
  const { store } = await openBenchStore(env, 'isolation');
  const tableName = store.table.getName();
  const { record } = sampleAlert(env);
  return callCost(
    isolationSizes.dynamoPuts,
    (i) =>
      store.documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: `ALERT#isolation-${i}`, sk: '#STATE', version: record.version, record },
        }),
      ),
    env.dynamo.process.pid,
  );
}

/** One chat.postMessage of a rendered alert, through the same WebClient setup Klaxon uses. */
async function slackPost(env: BenchEnv): Promise<CallCost> {
  const client = createSlackWebClient({ token: 'xoxb-bench-token', slackApiUrl: env.slack.url });
  const { rendered } = sampleAlert(env);
  const cost = await callCost(isolationSizes.slackPosts, () =>
    client.chat.postMessage({
      channel: benchChannel,
      text: rendered.text,
      blocks: rendered.blocks,
      unfurl_links: false,
      unfurl_media: false,
    }),
  );
  env.slack.reset();
  return cost;
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
  try {
    return await callCost(isolationSizes.httpRoundTrips, () => sender.post(body));
  } finally {
    sender.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function runIsolation(env: BenchEnv): Promise<IsolationResult> {
  await waitForQuietJvm(env.dynamo.process.pid);
  return {
    pure: await purePath(env),
    dynamoPut: await dynamoPut(env),
    slackPost: await slackPost(env),
    httpNoop: await httpNoop(env),
  };
}
