import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { IsolationResult } from './isolation.ts';
import { type Counts, perItem, round, total } from './measure.ts';
import type { ScenarioResult } from './scenarios.ts';

export interface BenchReport {
  startedAt: string;
  environment: { node: string; platform: string; cpus: number; cpuModel: string };
  totalSeconds: number;
  isolation: IsolationResult;
  scenarios: Array<ScenarioResult & { perNotification: PerNotification }>;
  peakRssMbWholeRun: number;
}

interface PerNotification {
  dynamoCalls: Counts;
  dynamoCallsTotal: number;
  slackCalls: Counts;
  slackCallsTotal: number;
  nodeCpuUs: number;
  dynamoLocalCpuUs?: number;
  /** pure path + calls × their isolated cost + the HTTP round trip: what the work cannot go below. */
  floorCpuUs: number;
  overheadCpuUs: number;
}

const sum = (a: Counts, b: Counts): Counts => {
  const out: Counts = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = (out[key] ?? 0) + value;
  return out;
};

function purePathUs(s: ScenarioResult, iso: IsolationResult): number {
  const usOf = (outcome: string) =>
    outcome === 'new-alert'
      ? iso.pure.newAlertUs
      : outcome === 'duplicate'
        ? iso.pure.duplicateUs
        : iso.pure.coalescedUs;
  return Object.entries(s.outcomes).reduce((acc, [outcome, n]) => acc + usOf(outcome) * n, 0) / s.count;
}

export function perNotificationOf(s: ScenarioResult, iso: IsolationResult): PerNotification {
  const dynamo = sum(s.dynamoCalls, s.deferredDynamoCalls);
  const slack = sum(s.slackCalls, s.deferredSlackCalls);
  const nodeCpuUs = round(s.nodeCpuUs / s.count);
  const floorCpuUs = round(
    purePathUs(s, iso) +
      (total(dynamo) / s.count) * iso.dynamoPut.cpuUs +
      (total(slack) / s.count) * iso.slackPost.cpuUs +
      iso.httpNoop.cpuUs,
  );
  return {
    dynamoCalls: perItem(dynamo, s.count),
    dynamoCallsTotal: round(total(dynamo) / s.count, 3),
    slackCalls: perItem(slack, s.count),
    slackCallsTotal: round(total(slack) / s.count, 3),
    nodeCpuUs,
    ...(s.dynamoLocalCpuUs !== undefined ? { dynamoLocalCpuUs: round(s.dynamoLocalCpuUs / s.count) } : {}),
    floorCpuUs,
    overheadCpuUs: nodeCpuUs - floorCpuUs,
  };
}

export function buildReport(
  startedAt: Date,
  isolation: IsolationResult,
  scenarios: ScenarioResult[],
): BenchReport {
  return {
    startedAt: startedAt.toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
    },
    totalSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
    isolation,
    scenarios: scenarios.map((s) => ({ ...s, perNotification: perNotificationOf(s, isolation) })),
    peakRssMbWholeRun: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c]?.length ?? 0)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

const list = (counts: Counts) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || '-';

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const { environment: env, isolation: iso } = r;
  out.push(`Klaxon bench (${r.startedAt}, node ${env.node}, ${env.platform}, ${env.cpus} x ${env.cpuModel})`);
  out.push('');
  out.push('Throughput and latency (real HTTP server, DynamoDB Local, fake Slack; all loopback)');
  out.push(
    table(
      [
        'scenario',
        'n',
        'in flight',
        'wall s',
        'notif/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'peak RSS MB',
        'DDB Local peak MB',
      ],
      r.scenarios.map((s) => [
        s.name,
        s.count,
        s.concurrency,
        round(s.wallMs / 1000, 2),
        s.perSecond,
        s.latencyMs.p50,
        s.latencyMs.p99,
        s.latencyMs.max,
        s.peakRssMb,
        s.dynamoLocalPeakRssMb ?? '-',
      ]),
    ),
  );
  out.push('');
  out.push('Calls per notification (answered + deferred root refresh flushed at close)');
  out.push(
    table(
      ['scenario', 'DynamoDB', 'DynamoDB by command', 'Slack', 'Slack by method', 'deferred (total)'],
      r.scenarios.map((s) => [
        s.name,
        s.perNotification.dynamoCallsTotal,
        list(s.perNotification.dynamoCalls),
        s.perNotification.slackCallsTotal,
        list(s.perNotification.slackCalls),
        `${list(s.deferredDynamoCalls)}; ${list(s.deferredSlackCalls)}`,
      ]),
    ),
  );
  out.push('');
  out.push('Outcomes and statuses');
  for (const s of r.scenarios)
    out.push(
      `  ${s.name}: ${list(s.outcomes)} | HTTP ${list(s.statuses)} | ${s.description}; ` +
        `signed beforehand in ${s.signingMs} ms (${s.presignedBodiesMb} MB held in memory)`,
    );
  out.push('');
  out.push(
    'CPU per notification, µs. "node" is this one process: Klaxon + load generator + in-process fake Slack.',
  );
  out.push(
    'floor = pure path + DynamoDB calls x isolated PutItem CPU + Slack calls x isolated post CPU + HTTP no-op round trip',
  );
  out.push(
    table(
      ['scenario', 'node CPU', 'DDB Local JVM CPU', 'floor (est.)', 'overhead (est.)'],
      r.scenarios.map((s) => [
        s.name,
        s.perNotification.nodeCpuUs,
        s.perNotification.dynamoLocalCpuUs ?? '-',
        s.perNotification.floorCpuUs,
        s.perNotification.overheadCpuUs,
      ]),
    ),
  );
  out.push('');
  out.push(`Isolation (same run)`);
  const p = iso.pure;
  out.push(
    `  pure path, no I/O (${p.iterations} iterations; stages ${p.stageIterations}): new alert ${p.newAlertUs} µs (verify+parse+decide+render root), ` +
      `coalesced repeat ${p.coalescedUs} µs (no render), duplicate ${p.duplicateUs} µs (envelope+verify)`,
  );
  out.push(`    stages µs: ${list(p.stagesUs)}`);
  const cost = (c: IsolationResult['dynamoPut']) =>
    `median ${c.medianWallMs} ms wall, node CPU median ${c.cpuUs} µs / mean ${c.meanCpuUs} µs` +
    (c.dynamoLocalCpuUs !== undefined ? `, ${c.dynamoLocalCpuUs} µs DDB Local JVM CPU` : '') +
    ` (n=${c.n})`;
  out.push(`  one DynamoDB PutItem (alert record): ${cost(iso.dynamoPut)}`);
  out.push(`  one Slack chat.postMessage (WebClient -> in-process fake, both sides): ${cost(iso.slackPost)}`);
  out.push(
    `  one HTTP POST of a signed body to a no-op node:http server (both sides): ${cost(iso.httpNoop)}`,
  );
  out.push('');
  out.push(
    `Peak RSS of the whole run (process.resourceUsage().maxRSS): ${r.peakRssMbWholeRun} MB; total ${r.totalSeconds} s`,
  );
  return out.join('\n');
}

export function writeReport(r: BenchReport, path = 'reports/bench.json'): string {
  mkdirSync('reports', { recursive: true });
  writeFileSync(path, `${JSON.stringify(r, null, 2)}\n`);
  return path;
}
