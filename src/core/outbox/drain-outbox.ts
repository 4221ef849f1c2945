import type { OutboxEntry } from '../../model/outbox.ts';
import type { AlertRecord, DrainLease, MuteRecord } from '../../model/records.ts';
import { channelRefusalOf, isRetryableSlackError } from '../../slack/slack-errors.ts';
import { applyChannelRefusal, isNewlyGivenUp, reportChannelRefusal } from './channel-refusal.ts';
import { leaseFrom, type OutboxRuntime } from './outbox-runtime.ts';
import { dueEntries, nextDueAt } from './plan-outbox.ts';
import { runOutboxStep } from './run-step.ts';

export interface DrainStart {
  record: AlertRecord;
  mute?: MuteRecord;
  lease: DrainLease;
  /**
   * Runs enrichment steps too. Off for the drains someone waits on (SNS's answer, a click): their lookups
   * are left in the outbox and handed to `enrichLater`.
   */
  enrich?: boolean;
}

/**
 * `drained`: every due step ran; `slack-failed`: Slack refused a step for now (it stays, marked suspect);
 * `paced`: the channel's pace left steps for a later drain; `lost`: another drain took over;
 * `channel-refused`: Slack refused the alert's channel (counted on the alert; see channel-refusal.ts).
 */
export type DrainOutcome = 'drained' | 'slack-failed' | 'paced' | 'lost' | 'channel-refused';

export interface DrainResult {
  outcome: DrainOutcome;
  error?: unknown;
  record?: AlertRecord;
}

interface Progress {
  done: Set<number>;
  suspect: Set<number>;
  root?: { channel: string; ts: string };
  rootDrawnAt?: number;
  /** A step reached Slack's channel in this drain. */
  reached?: boolean;
  /** Slack's code when it refused the alert's channel. */
  channelRefused?: string;
  stop?: { outcome: DrainOutcome; error?: unknown };
  /** Enrichment steps this drain left for an asynchronous one. */
  enrichLeft?: boolean;
}

/**
 * Runs an alert's due outbox steps in order while holding its drain lease, then writes what was done and
 * releases the lease in one conditional write. When someone committed meanwhile (their steps wait behind
 * the lease), it re-reads and goes on, so nothing committed is left behind by a drain that finished.
 */
export async function drainOutbox(rt: OutboxRuntime, start: DrainStart): Promise<DrainResult> {
  let { record, mute, lease } = start;
  const progress: Progress = { done: new Set(), suspect: new Set() };
  for (let round = 0; round < 20; round++) {
    if (!progress.stop) {
      const renewed = await runDueSteps(rt, { record, mute, lease, enrich: start.enrich }, progress);
      if (!renewed) return { outcome: 'lost' };
      lease = renewed;
    }
    const next = applyProgress(record, progress, rt.clock.now());
    if (await rt.alerts.completeDrain(next, record.version, lease.owner)) {
      scheduleLater(rt, next, progress.stop?.outcome);
      if (isNewlyGivenUp(record, next)) await reportChannelRefusal(rt, next);
      if (progress.enrichLeft) await handOverEnrichments(rt, next.alertId);
      return { outcome: progress.stop?.outcome ?? 'drained', error: progress.stop?.error, record: next };
    }
    const fresh = await rt.alerts.loadAlert(record.alertId);
    if (!fresh.record || fresh.drain?.owner !== lease.owner) return { outcome: 'lost' };
    ({ record, mute } = { record: fresh.record, mute: fresh.mute });
  }
  return { outcome: 'lost' };
}

/** Runs the due steps not done yet; the lease as renewed, or undefined when it was lost. */
async function runDueSteps(
  rt: OutboxRuntime,
  state: { record: AlertRecord; mute?: MuteRecord; lease: DrainLease; enrich?: boolean | undefined },
  progress: Progress,
): Promise<DrainLease | undefined> {
  let lease = state.lease;
  const record = { ...state.record, ...(progress.root ?? {}) };
  for (const entry of dueEntries(record, rt.clock.now())) {
    if (progress.done.has(entry.seq)) continue;
    if (entry.step.kind === 'enrich' && rt.enrich && !state.enrich) {
      progress.enrichLeft = true;
      continue;
    }
    const renewed = await keepLease(rt, record.alertId, lease);
    if (!renewed) return undefined;
    lease = renewed;
    if (entry.step.kind !== 'update-root') {
      const wait = rt.pacer.reserve(record.channel, rt.inlineWaitMs);
      if (wait === undefined) {
        progress.stop = { outcome: 'paced' };
        return lease;
      }
      if (wait > 0) await rt.clock.sleep(wait);
    }
    if (!(await runOne(rt, entry, { record, mute: state.mute }, progress))) return lease;
    if (progress.root) Object.assign(record, progress.root);
  }
  return lease;
}

/** False when the drain must stop here (Slack failed, or the root is not posted yet). */
async function runOne(
  rt: OutboxRuntime,
  entry: OutboxEntry,
  loaded: { record: AlertRecord; mute?: MuteRecord },
  progress: Progress,
): Promise<boolean> {
  try {
    const result = await runOutboxStep(rt.slack, entry, loaded, new Date(rt.clock.now()), {
      viewOptions: rt.viewOptions,
      lookUp: rt.enrich,
    });
    if (result.kind === 'blocked') {
      if (loaded.record.outbox.some((e) => e.step.kind === 'post-root')) return false;
      // No root will ever be posted (Slack refused it for good): a step under it can never run.
      progress.done.add(entry.seq);
      return true;
    }
    progress.done.add(entry.seq);
    progress.reached = true;
    if (result.root) progress.root = result.root;
    if (entry.step.kind !== 'reply') progress.rootDrawnAt = rt.clock.now();
    return true;
  } catch (error) {
    const refused = channelRefusalOf(error);
    if (refused) {
      // Never reached the channel, so nothing to look for later: counted, and tried again by the sweep.
      progress.channelRefused = refused;
      progress.stop = { outcome: 'channel-refused', error };
      return false;
    }
    if (!isRetryableSlackError(error)) {
      // The message or channel is gone for good: trying again every minute would only fail the same way.
      const context = { err: error, alertId: loaded.record.alertId, channel: loaded.record.channel };
      if (entry.step.kind === 'post-root') {
        // The alert cannot reach anyone: say so loudly, with what to fix.
        rt.logger.error(
          context,
          'alert not posted: Slack refused its channel for good; fix the route or invite Klaxon',
        );
      } else {
        rt.logger.warn({ ...context, step: entry.step.kind }, 'Slack step dropped');
      }
      progress.done.add(entry.seq);
      return true;
    }
    progress.suspect.add(entry.seq);
    progress.stop = { outcome: 'slack-failed', error };
    return false;
  }
}

/** Renews the lease when less than half of it is left: a live drain keeps it, a dead one soon loses it. */
async function keepLease(
  rt: OutboxRuntime,
  alertId: string,
  lease: DrainLease,
): Promise<DrainLease | undefined> {
  const now = rt.clock.now();
  if (lease.until - now > rt.leaseMs / 2) return lease;
  const renewed = leaseFrom(rt, lease.owner, now);
  return (await rt.alerts.renewDrain(alertId, renewed)) ? renewed : undefined;
}

function applyProgress(record: AlertRecord, progress: Progress, nowMs: number): AlertRecord {
  const outbox = record.outbox
    .filter((entry) => !progress.done.has(entry.seq))
    .map((entry) => (progress.suspect.has(entry.seq) ? { ...entry, suspect: true } : entry));
  // A step that reached the channel shows it works again: the count of refusals starts over.
  const { channelRefusal: _cleared, ...rest } = record;
  const applied = applyStepResults(progress.reached ? rest : record, outbox, progress);
  return progress.channelRefused ? applyChannelRefusal(applied, progress.channelRefused, nowMs) : applied;
}

function applyStepResults(
  record: AlertRecord,
  outbox: AlertRecord['outbox'],
  progress: Progress,
): AlertRecord {
  return {
    ...record,
    outbox,
    // Slack answers a post with the channel's id, which later calls need (a configured #name is not enough);
    // a root posted again (the old one was deleted) replaces the old one.
    ...(progress.root ?? {}),
    ...(progress.rootDrawnAt ? { rootRefreshedAt: progress.rootDrawnAt } : {}),
    version: record.version + 1,
  };
}

/** Enrichment never holds up whoever waits on this drain: handing it over may fail, the sweep runs it then. */
async function handOverEnrichments(rt: OutboxRuntime, alertId: string) {
  try {
    await rt.enrichLater?.(alertId);
  } catch (error) {
    rt.logger.warn({ err: error, alertId }, 'enrichment not handed over; the sweep runs it');
  }
}

/** Steps deferred (coalesced, digested) or paced run later: a timer or the channel's queue here, the sweep everywhere. */
function scheduleLater(rt: OutboxRuntime, record: AlertRecord, stopped?: DrainOutcome) {
  if (record.outbox.length === 0 || stopped === 'slack-failed' || stopped === 'channel-refused') return;
  if (stopped === 'paced') rt.queueForChannel?.(record.channel, record.alertId);
  const at = nextDueAt(record);
  if (at !== undefined) rt.scheduleDrain?.(record.alertId, at);
}
