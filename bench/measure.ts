import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build, type Histogram } from 'hdr-histogram-js';

export type Counts = Record<string, number>;

export function latencyHistogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Milliseconds, from a histogram recorded in microseconds. */
export function summarizeLatency(histogram: Histogram): LatencySummary {
  const ms = (us: number) => round(us / 1000, 2);
  return {
    p50: ms(histogram.getValueAtPercentile(50)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    mean: ms(histogram.mean),
  };
}

/** This Node process's CPU (user + system, all threads) in microseconds. */
export function processCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Another process's CPU in microseconds from /proc (Linux); undefined elsewhere. */
export function childCpuUs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1_000_000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

export function diffCounts(after: Counts, before: Counts): Counts {
  const result: Counts = {};
  for (const [key, value] of Object.entries(after)) {
    const delta = value - (before[key] ?? 0);
    if (delta) result[key] = delta;
  }
  return result;
}

export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Counts {
  const counts: Counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

export function perItem(counts: Counts, n: number, digits = 3): Counts {
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, round(value / n, digits)]));
}

export const total = (counts: Counts) => Object.values(counts).reduce((sum, value) => sum + value, 0);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A size from a BENCH_* environment variable, or the default when it is unset or not a positive number. */
export const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
