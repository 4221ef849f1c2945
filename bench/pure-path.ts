import { createPublicKey, createVerify } from 'node:crypto';
import { routeAlert } from '../src/config/route-alert.ts';
import { type DecisionInput, decideAlertActions } from '../src/core/notifications/decide-notification.ts';
import { parserInputOf, parseSnsNotification } from '../src/core/parsers/index.ts';
import type { NormalizedAlert } from '../src/model/alert.ts';
import type { AlertRecord } from '../src/model/records.ts';
import { renderAlertMessage } from '../src/render/alert-message.ts';
import { alertViewOf } from '../src/render/alert-view-of.ts';
import { parseSnsMessage, type SnsMessage } from '../src/sns/sns-message.ts';
import { buildSnsStringToSign, verifySnsMessage } from '../src/sns/verify-sns-message.ts';
import type { BenchEnv } from './bench-harness.ts';
import { median, processCpuUs, round } from './measure.ts';
import { alarmPayload, signedBody } from './payloads.ts';

export const pureSizes = { iterations: 10_000, stageIterations: 5_000, warmUp: 5_000 };

export interface PurePathResult {
  iterations: number;
  stageIterations: number;
  /** verify + parse + decide + render, no I/O, per notification of each kind. */
  newAlertUs: number;
  coalescedUs: number;
  duplicateUs: number;
  /** node:crypto's RSA verification of the same messages alone: prepared string, key parsed once. */
  rsaVerifyUs: number;
  /**
   * The new-alert path and RSA alone were timed in alternating batches; this is the median of each pair's
   * ratio, so what the machine did meanwhile falls on both sides of every ratio alike.
   */
  newAlertOverRsa: number;
  /**
   * Why the whole costs more than its stages: the same path without the signature check (warm JavaScript
   * alone), and with a native call in its place that costs about as much but only evicts the CPU caches
   * (a 2 MB buffer comparison), next to that comparison alone.
   */
  interplay: { withoutVerifyUs: number; cacheEvictingStandInUs: number; standInAloneUs: number };
  stagesUs: Record<'envelope' | 'verify' | 'parse' | 'decide' | 'render', number>;
  /** When measured in several fresh processes: each one's ratio (this result is the median one's). */
  ratiosByProcess?: number[];
}

/**
 * CPU µs per iteration: the median of batches of 500, so a stray GC or a noisy neighbour does not skew it.
 * Thousands of untimed runs first: V8 optimises a function only after it has run hot for a while.
 */
async function cpuPerIteration(iterations: number, fn: (i: number) => unknown): Promise<number> {
  const batch = 500;
  for (let i = 0; i < pureSizes.warmUp; i++) await fn(i);
  const perBatch: number[] = [];
  for (let done = 0; done < iterations; done += batch) {
    const start = processCpuUs();
    for (let i = done; i < done + batch; i++) await fn(i);
    perBatch.push((processCpuUs() - start) / batch);
  }
  return round(median(perBatch), 1);
}

/**
 * Two workloads timed in alternating batches of 500 after warming both: the median CPU µs per iteration
 * of each, and the median of the per-pair ratios (first over second).
 */
async function pairedCpuPerIteration(
  iterations: number,
  measured: (i: number) => unknown,
  baseline: (i: number) => unknown,
): Promise<{ measuredUs: number; baselineUs: number; ratio: number }> {
  const batch = 500;
  for (let i = 0; i < pureSizes.warmUp; i++) {
    await measured(i);
    await baseline(i);
  }
  const timeBatch = async (fn: (i: number) => unknown, from: number) => {
    const start = processCpuUs();
    for (let i = from; i < from + batch; i++) await fn(i);
    return (processCpuUs() - start) / batch;
  };
  const measuredUs: number[] = [];
  const baselineUs: number[] = [];
  const ratios: number[] = [];
  for (let done = 0; done < iterations; done += batch) {
    const m = await timeBatch(measured, done);
    const b = await timeBatch(baseline, done);
    measuredUs.push(m);
    baselineUs.push(b);
    ratios.push(m / b);
  }
  return {
    measuredUs: round(median(measuredUs), 1),
    baselineUs: round(median(baselineUs), 1),
    ratio: round(median(ratios), 2),
  };
}

/** The pure path's stages, exactly as the SNS path calls them, on one clock reading. */
export function purePathStages(env: Pick<BenchEnv, 'signer' | 'config'>, now = new Date()) {
  const fetchCertificate = env.signer.fetchCertificateWith();
  const settings = {
    reopenWindowMs: env.config.lifecycle.reopenWindowMinutes * 60_000,
    rootRefreshIntervalMs: env.config.lifecycle.rootRefreshSeconds * 1000,
  };
  const envelope = (body: string) => {
    const parsed = parseSnsMessage(body);
    if (!parsed.ok) throw new Error(parsed.detail);
    return parsed.message;
  };
  const verify = async (message: SnsMessage) => {
    const verified = await verifySnsMessage(message, fetchCertificate);
    if (!verified.ok) throw new Error(verified.detail);
  };
  const decide = (message: SnsMessage, alert: NormalizedAlert, stored?: AlertRecord) => {
    const input: DecisionInput = {
      alert,
      route: routeAlert(alert, env.config),
      messageId: message.MessageId,
      now,
      settings,
      ...(stored ? { stored } : {}),
    };
    return decideAlertActions(input);
  };
  const render = (record: AlertRecord) => renderAlertMessage(alertViewOf(record, undefined, now));
  /** A new alert's whole pure path, from the signed body to its root message. */
  const newAlert = async (body: string) => {
    const message = envelope(body);
    await verify(message);
    const alert = parseSnsNotification(parserInputOf(message));
    const decision = decide(message, alert);
    if (decision.outcome !== 'new-alert') throw new Error(`expected new-alert, got ${decision.outcome}`);
    return render(decision.change!.next);
  };
  return { fetchCertificate, envelope, verify, decide, render, newAlert };
}

/** The CPU of what no I/O can avoid: verify, parse, decide, render, exactly as the SNS path calls them. */
export async function purePath(env: Pick<BenchEnv, 'signer' | 'config'>): Promise<PurePathResult> {
  const bodies = Array.from({ length: 64 }, (_, i) => signedBody(env.signer, alarmPayload(i, 'pure')));
  const { fetchCertificate, envelope, verify, decide, render, newAlert: newAlertOf } = purePathStages(env);
  // The stages' inputs, kept for the whole run as deep copies. Kept as the path made them, hundreds of objects
  // from the path's own allocation sites would all outlive the next scavenge, and V8 would then allocate every
  // later parse's objects of those sites in the old generation: a server, whose request objects die young, is
  // never in that state. (Measured: the coalesced path 50–58 µs with them kept, 41–47 µs with copies.)
  const messages = bodies.map((body) => structuredClone(envelope(body)));
  const alerts = messages.map((m) => structuredClone(parseSnsNotification(parserInputOf(m))));
  const stored = messages.map((m, i) =>
    structuredClone({ ...decide(m, alerts[i]!).change!.next, ts: '1700000000.000100' }),
  );
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const n = pureSizes.iterations;

  // Stages first: the composites then run on code the stage loops have already warmed.
  const m = pureSizes.stageIterations;
  const stagesUs = {
    envelope: await cpuPerIteration(m, (i) => envelope(pick(bodies, i))),
    verify: await cpuPerIteration(m, (i) => verify(pick(messages, i))),
    parse: await cpuPerIteration(m, (i) => parseSnsNotification(parserInputOf(pick(messages, i)))),
    decide: await cpuPerIteration(m, (i) => decide(pick(messages, i), pick(alerts, i))),
    render: await cpuPerIteration(m, (i) => render(pick(stored, i))),
  };
  const newAlert = async (i: number) => {
    await newAlertOf(pick(bodies, i));
  };
  const rsa = rsaAlone(messages, await fetchCertificate(messages[0]!.SigningCertURL));
  const paired = await pairedCpuPerIteration(n, newAlert, rsa);
  const interplay = await interplayOf(m, bodies, envelope, (message) => {
    const decision = decide(message, parseSnsNotification(parserInputOf(message)));
    render(decision.change!.next);
  });
  const coalescedUs = await cpuPerIteration(n, async (i) => {
    const message = envelope(pick(bodies, i));
    await verify(message);
    const decision = decide(message, parseSnsNotification(parserInputOf(message)), pick(stored, i));
    if (decision.outcome !== 'coalesced') throw new Error(`expected coalesced, got ${decision.outcome}`);
  });
  const duplicateUs = await cpuPerIteration(n, async (i) => verify(envelope(pick(bodies, i))));
  return {
    iterations: n,
    stageIterations: m,
    newAlertUs: paired.measuredUs,
    coalescedUs,
    duplicateUs,
    rsaVerifyUs: paired.baselineUs,
    newAlertOverRsa: paired.ratio,
    stagesUs,
    interplay,
  };
}

/** The floor of verifying: hash the string to sign and check the RSA signature with the cached key. */
function rsaAlone(messages: SnsMessage[], pem: string): (i: number) => void {
  const key = createPublicKey(pem);
  const algorithm = messages[0]!.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256';
  const signed = messages.map((m) => ({ text: buildSnsStringToSign(m), signature: m.Signature }));
  return (i) => {
    const { text, signature } = signed[i % signed.length]!;
    if (!createVerify(algorithm).update(text, 'utf8').verify(key, signature, 'base64')) {
      throw new Error('RSA verification failed');
    }
  };
}

/**
 * The path's JavaScript without the signature check, then with a stand-in of about RSA's cost that does
 * nothing but read 2 MB (more than the CPU's caches hold). If the JavaScript slows down behind the stand-in
 * as much as behind RSA, what the whole costs beyond its stages is refilling the caches, not work.
 */
async function interplayOf(
  iterations: number,
  bodies: string[],
  envelope: (body: string) => SnsMessage,
  rest: (message: SnsMessage) => void,
): Promise<PurePathResult['interplay']> {
  const left = Buffer.alloc(1_000_000, 1);
  const right = Buffer.alloc(1_000_000, 1);
  const standIn = () => {
    if (left.compare(right) !== 0) throw new Error('the buffers differ');
  };
  const body = (i: number) => bodies[i % bodies.length]!;
  return {
    withoutVerifyUs: await cpuPerIteration(iterations, (i) => rest(envelope(body(i)))),
    cacheEvictingStandInUs: await cpuPerIteration(iterations, async (i) => {
      const message = envelope(body(i));
      standIn();
      await Promise.resolve();
      rest(message);
    }),
    standInAloneUs: await cpuPerIteration(iterations, (i) => {
      envelope(body(i));
      standIn();
    }),
  };
}
