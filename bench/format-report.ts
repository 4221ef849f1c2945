import type { CallCost } from './isolation.ts';
import { type Counts, round } from './measure.ts';
import { type BenchReport, expectedStoreCalls } from './report.ts';

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

const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
const pct = (fraction: number) => `${round(fraction * 100, 1)} %`;

function callsSection(r: BenchReport): string[] {
  return [
    '1. Calls per request (counted by command name in the document client / by method at the fake Slack)',
    table(
      [
        'scenario',
        'n',
        'store',
        'store by command',
        'expected',
        'deferred store',
        'Slack',
        'Slack by method',
      ],
      r.scenarios
        .filter((s) => s.concurrency === 1)
        .map((s) => [
          s.name,
          s.count,
          s.perRequest.dynamoTotal,
          list(s.perRequest.dynamo),
          expectedStoreCalls[s.name] ?? '-',
          s.perRequest.deferredDynamoTotal,
          s.perRequest.slackTotal +
            (s.perRequest.deferredSlackTotal ? ` (+${s.perRequest.deferredSlackTotal} deferred)` : ''),
          list(s.perRequest.slack),
        ]),
    ),
    '   deferred = done later by the server (coalesced root refreshes), flushed at close, per request.',
    "   Channel pacing (Slack's 1 post/s per channel) is off in the bench: it would measure one channel's backlog.",
  ];
}

function trafficSection(r: BenchReport): string[] {
  return [
    'Throughput and latency (real HTTP server, DynamoDB Local, fake Slack; all loopback; clicks until done)',
    table(
      [
        'scenario',
        'n',
        'in flight',
        'wall s',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'node CPU µs/req',
        'JVM CPU µs/req',
        'outcomes',
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
        s.perRequest.nodeCpuUs ?? '-',
        s.dynamoLocalCpuUs !== undefined ? round(s.dynamoLocalCpuUs / s.count) : '-',
        `${list(s.outcomes)}; HTTP ${list(s.statuses)}`,
      ]),
    ),
  ];
}

function pureSection(r: BenchReport): string[] {
  const p = r.isolation.pure;
  const v = r.purePathVsRsa;
  const i = p.interplay;
  return [
    `2. Pure path vs RSA (CPU µs, median of batches of 500; ${p.iterations} iterations; measured first, in fresh quiet processes)`,
    "   the path and RSA alone run in alternating batches; the ratio is the median of the pairs' ratios",
    ...(p.ratiosByProcess
      ? [
          `   ratio in each of ${p.ratiosByProcess.length} processes: ${p.ratiosByProcess.join(', ')}; figures below are the median process's`,
        ]
      : []),
    `   pure path per new alert (envelope + verify + parse + decide + render root): ${v.purePathUs} µs`,
    `   RSA verification of the same message alone (node:crypto, cached key):      ${v.rsaVerifyUs} µs`,
    `   ratio ${v.ratio} (target <= ${v.target}): ${verdict(v.met)}`,
    `   stages µs: ${list(p.stagesUs)}; coalesced repeat ${p.coalescedUs} µs, duplicate ${p.duplicateUs} µs`,
    `   the path without verify: ${i.withoutVerifyUs} µs; with a cache-evicting stand-in for RSA instead ` +
      `(2 MB compared, ${i.standInAloneUs} µs alone with the envelope): ${i.cacheEvictingStandInUs} µs`,
  ];
}

function cpuSection(r: BenchReport): string[] {
  const c = r.cpuVsIo;
  const cost = (name: string, k: CallCost) =>
    `   ${name.padEnd(20)} node CPU mean ${k.meanCpuUs} µs, median ${k.medianCpuUs} µs; wall median ${k.medianWallMs} ms` +
    (k.dynamoLocalCpuUs !== undefined ? `; DDB Local JVM ~${k.dynamoLocalCpuUs} µs` : '') +
    ` (n=${k.n})`;
  return [
    '3. CPU per new alert vs its I/O (node CPU µs; one process: Klaxon + load generator + in-process fake Slack)',
    '   each call alone, replayed from a captured new alert with fresh ids:',
    ...Object.entries(r.isolation.calls).map(([name, k]) => cost(name, k)),
    cost('HTTP no-op POST', r.isolation.httpNoop).replace('HTTP no-op POST    ', 'HTTP no-op (context)'),
    `   I/O of one new alert: ${c.io.map((i) => `${i.perAlert} x ${i.call} ${i.meanCpuUs}`).join(' + ')} = ${c.ioSumUs} µs`,
    `   node CPU per new alert through the server (the new alert scenario): ${c.nodeCpuUsPerNewAlert} µs; ratio ${c.ratio}`,
    `   in ${c.paired.rounds} alternating rounds (${c.paired.alertsPerRound} new alerts through a warmed server, then ${c.paired.alertsPerRound} replays of their calls alone), so both sides share the machine's drift:`,
    `   server ${c.paired.serverUs} µs per new alert, its calls alone ${c.paired.callsUs} µs; median of the rounds' ratios ${c.paired.ratio} (target <= ${c.target}): ${verdict(c.met)}`,
    `   its calls through Klaxon's store ${c.paired.viaStoreUs} µs: the store (building items, validating what it reads) adds ${round(c.paired.viaStoreUs - c.paired.callsUs)} µs; server over them ${c.paired.ratioViaStore}`,
    `   the same behind a bare HTTP server receiving the same notifications ${c.paired.behindHttpUs} µs: the SNS exchange adds ${round(c.paired.behindHttpUs - c.paired.viaStoreUs)} µs; everything else (Klaxon's code and the JIT and GC work it causes) ${round(c.paired.serverUs - c.paired.behindHttpUs)} µs; server over them ${c.paired.ratioBehindHttp}`,
    `   that bare server running the pure path first ${c.paired.withPurePathUs} µs: the pure path costs ${c.paired.purePathInServerUs} µs there (${r.isolation.pure.newAlertUs} µs in a quiet process); the outbox, commit and drain add ${round(c.paired.serverUs - c.paired.withPurePathUs)} µs; server over them ${c.paired.ratioWithPurePath}`,
    `   the floor: that bare server (only what every notification must do, and the same calls) over the calls alone: ${c.paired.floorRatio}, against the target ${c.target}`,
    '   the store calls made as Klaxon makes them (its store: items built, what it reads validated), each alone:',
    ...Object.entries(r.isolation.storeOperations).map(([name, k]) => cost(`${name} via store`, k)),
    `   I/O of one new alert through the store and the Slack client: ${c.storeIoSumUs} µs; ratio ${c.ratioViaStore}`,
  ];
}

function inFlightSection(r: BenchReport): string[] {
  const f = r.inFlightVsCeiling;
  const k = r.ceiling;
  return [
    `4. New alerts ${k.inFlight} in flight vs DynamoDB Local's ceiling`,
    `   ceiling: ${k.puts} conditional PutItems, ${k.inFlight} in flight, document client alone: ${f.ceilingItemsPerSecond} items/s`,
    `   ceiling / ${f.storeCallsPerNewAlert} store calls per new alert = ${f.ceilingAlertsPerSecond} alerts/s`,
    `   scenario: ${f.perSecond} alerts/s = ${pct(f.fraction)} of it (target >= ${pct(f.target)}): ${verdict(f.met)}`,
    ...storeWorkLines(r),
  ];
}

/** Why the fraction is what it is: the target counts each call as one put; DynamoDB Local does not. */
function storeWorkLines(r: BenchReport): string[] {
  const w = r.inFlightVsCeiling.storeWork;
  const k = r.ceiling;
  if (!w || k.dynamoLocalCpuUsPerPut === undefined) return [];
  const calls = r.isolation.calls;
  const inPuts = (call: string) => {
    const jvm = calls[call]?.dynamoLocalCpuUs;
    return jvm === undefined ? '?' : round(jvm / k.dynamoLocalCpuUsPerPut!, 1);
  };
  return [
    `   DynamoDB Local's JVM CPU per ceiling put: ${k.dynamoLocalCpuUsPerPut} µs; per new alert in flight: ${w.putsWorthPerAlert} puts' worth`,
    `     (each call alone, in puts' worth: BatchGetItem ${inPuts('BatchGetItem')}, TransactWriteItems ${inPuts('TransactWriteItems')}, PutItem ${inPuts('PutItem')})`,
    `   the store's bound for this call mix: ${k.itemsPerSecond} / ${w.putsWorthPerAlert} = ${w.boundAlertsPerSecond} alerts/s; scenario = ${pct(w.fractionOfBound)} of it`,
  ];
}

export function formatReport(r: BenchReport): string {
  const env = r.environment;
  return [
    `Klaxon bench (${r.startedAt}, node ${env.node}, ${env.platform}, ${env.cpus} x ${env.cpuModel})`,
    '',
    ...callsSection(r),
    '',
    ...trafficSection(r),
    '',
    ...pureSection(r),
    '',
    ...cpuSection(r),
    '',
    ...inFlightSection(r),
    '',
    `Total ${r.totalSeconds} s; peak RSS ${round(process.resourceUsage().maxRSS / 1024, 1)} MB`,
  ].join('\n');
}
