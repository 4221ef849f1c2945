import type { AlertChange, AuditEntry } from '../../model/alert-change.ts';
import type { AlertRecord, DrainLease, MuteRecord } from '../../model/records.ts';
import type { ReplayClaim } from '../../model/replay-claim.ts';
import type { AlertSnapshot, CommitInput } from '../../store/alert-store.ts';
import { type DrainResult, drainOutbox } from './drain-outbox.ts';
import { leaseFrom, type OutboxRuntime } from './outbox-runtime.ts';
import { dueEntries, nextDueAt, planOutbox, type StepTiming } from './plan-outbox.ts';

/** What a decision returns: the change (if any) and what is recorded with it. */
export interface Decided {
  change?: AlertChange;
  timing?: StepTiming;
  audit?: AuditEntry;
  /** The Slack request the audit record answers, written with it (see model/replay-claim.ts). */
  replayClaim?: ReplayClaim;
  event?: CommitInput['event'];
  silenceHit?: CommitInput['silenceHit'];
}

export interface CommitRequest<D extends Decided> {
  alertId: string;
  /** Who drains if this commit takes the lease (a request or sweep id). */
  owner: string;
  /** An SNS delivery: its dedupe record is part of the commit, and a redelivery reads it first. */
  delivery?: { messageId: string; receivedAt: string; expiresAt: number };
  /** What the caller read already (a click that called AWS in between): the first attempt decides on it. */
  readAlready?: AlertSnapshot;
  decide: (snapshot: AlertSnapshot, now: Date) => D;
}

export type CommitOutcome<D extends Decided> =
  | { kind: 'committed'; decided: D; snapshot: AlertSnapshot; record?: AlertRecord; drain?: DrainResult }
  | { kind: 'duplicate'; snapshot: AlertSnapshot }
  /** The decision's replay claim was taken: its Slack request was acted on already, and nothing was written. */
  | { kind: 'replayed' }
  | { kind: 'contention' };

const maxAttempts = 12;

type Committed<D extends Decided> =
  | Exclude<CommitOutcome<D>, { kind: 'committed' }>
  | (Extract<CommitOutcome<D>, { kind: 'committed' }> & { claim?: DrainLease; mute?: MuteRecord });

/**
 * The one way anything changes an alert: read (one BatchGetItem), decide (pure), plan the Slack steps into
 * the outbox within the alert's budget, commit everything in one transaction — taking the drain lease when
 * free — then run the outbox. Changes of one alert in this process take turns (a flood of one alarm would
 * otherwise lose the optimistic race over and over); losing it to another process re-reads and decides again.
 */
export async function commitChange<D extends Decided>(
  rt: OutboxRuntime,
  request: CommitRequest<D>,
): Promise<CommitOutcome<D>> {
  const committed = await rt.turns.run(request.alertId, () => commitWithRetries(rt, request));
  if (committed.kind !== 'committed' || !committed.claim || !committed.record) return committed;
  const { claim, mute, ...outcome } = committed;
  const drain = await drainCommitted(rt, {
    record: committed.record,
    ...(mute ? { mute } : {}),
    lease: claim,
  });
  return { ...outcome, record: drain.record ?? committed.record, drain };
}

async function commitWithRetries<D extends Decided>(
  rt: OutboxRuntime,
  request: CommitRequest<D>,
): Promise<Committed<D>> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) await rt.clock.sleep(backoffMs(attempt));
    // The version check makes an old snapshot safe: if the alert changed since, this attempt conflicts.
    const snapshot = attempt === 0 && request.readAlready ? request.readAlready : await read(rt, request);
    if ('delivered' in snapshot && snapshot.delivered) return { kind: 'duplicate', snapshot };
    const now = rt.clock.now();
    const decided = request.decide(snapshot, new Date(now));
    const change = decided.change && {
      ...decided.change,
      next: planOutbox(decided.change.next, decided.change.steps, now, rt.settings, decided.timing),
    };
    const claim =
      change && shouldClaim(change.next, snapshot, now) ? leaseFrom(rt, request.owner, now) : undefined;
    const result = await rt.alerts.commit({
      alertId: request.alertId,
      expectedVersion: snapshot.record?.version ?? 0,
      ...(change ? { change } : {}),
      ...(claim ? { claimDrain: { lease: claim, nowMs: now } } : {}),
      ...(!claim && snapshot.drain ? { keepDrain: snapshot.drain } : {}),
      ...(request.delivery ? { delivery: request.delivery } : {}),
      ...(decided.event ? { event: decided.event } : {}),
      ...(decided.audit ? { audit: decided.audit } : {}),
      ...(decided.replayClaim ? { replayClaim: decided.replayClaim } : {}),
      ...(decided.silenceHit ? { silenceHit: decided.silenceHit } : {}),
    });
    if (result === 'duplicate') return { kind: 'duplicate', snapshot };
    if (result === 'replayed') return { kind: 'replayed' };
    if (result === 'conflict') continue;
    if (!change) return { kind: 'committed', decided, snapshot };
    if (!claim) {
      scheduleDeferred(rt, change.next);
      return { kind: 'committed', decided, snapshot, record: change.next };
    }
    const mute = muteAfter(change, snapshot.mute);
    return { kind: 'committed', decided, snapshot, record: change.next, claim, ...(mute ? { mute } : {}) };
  }
  return { kind: 'contention' };
}

/** Another process won the race: wait a little, more each time and at random, so the losers do not collide again. */
function backoffMs(attempt: number): number {
  return Math.floor(Math.random() * Math.min(200, 10 * 2 ** attempt));
}

/**
 * The change is committed whatever happens next: a drain that breaks (the store went away before its
 * completion write) leaves its lease to run out and its steps to the next drain, like a crash would.
 */
async function drainCommitted(
  rt: OutboxRuntime,
  start: Parameters<typeof drainOutbox>[1],
): Promise<DrainResult> {
  try {
    return await drainOutbox(rt, start);
  } catch (error) {
    rt.logger.warn(
      { err: error, alertId: start.record.alertId },
      'outbox drain broke off; the next drain finishes it',
    );
    return { outcome: 'slack-failed', error };
  }
}

function read<D extends Decided>(rt: OutboxRuntime, request: CommitRequest<D>) {
  return request.delivery
    ? rt.alerts.loadForDelivery(request.alertId, request.delivery.messageId)
    : rt.alerts.loadAlert(request.alertId);
}

/** Only a commit that has due steps and finds nobody draining takes the lease; others leave theirs to it. */
function shouldClaim(next: AlertRecord, snapshot: AlertSnapshot, now: number): boolean {
  if (dueEntries(next, now).length === 0) return false;
  return !snapshot.drain || snapshot.drain.until < now;
}

function muteAfter(change: AlertChange, before: MuteRecord | undefined): MuteRecord | undefined {
  if (change.startMute) return change.startMute;
  if (change.endMute) return undefined;
  return before;
}

function scheduleDeferred(rt: OutboxRuntime, record: AlertRecord) {
  const due = dueEntries(record, rt.clock.now()).length > 0 ? rt.clock.now() + rt.leaseMs : nextDueAt(record);
  if (due !== undefined) rt.scheduleDrain?.(record.alertId, due);
}
