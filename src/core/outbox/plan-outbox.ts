import type { OutboxEntry, SlackBudget, SlackStep } from '../../model/outbox.ts';
import type { AlertRecord } from '../../model/records.ts';
import type { DigestEntry, ThreadReply } from '../../model/thread-reply.ts';

export interface OutboxSettings {
  /** Slack calls one alert may make per window; what exceeds it is folded and sent when the window ends. */
  callsPerWindow: number;
  windowMs: number;
  /** Entries an alert keeps waiting at most (Slack down for long): beyond it, replies fold into the digest. */
  maxEntries: number;
}

export const defaultOutboxSettings: OutboxSettings = { callsPerWindow: 4, windowMs: 60_000, maxEntries: 30 };

/** How a step is to be scheduled. */
export interface StepTiming {
  /** A person's action: told at once whatever the budget (people act rarely and expect to see it). */
  exempt?: boolean;
  /** Not before this epoch ms (a coalesced repeat redraws the root at most once per interval). */
  notBefore?: number;
}

const digestListed = 5;

/**
 * Adds a change's Slack steps to the alert's outbox, within its Slack budget: a flapping alarm gets at most
 * `callsPerWindow` calls a window; further state changes fold into one digest reply and one root update,
 * both sent when the window ends. One pending root update covers any number of changes (it draws the state
 * current when it runs). Pure: the budget lives on the record.
 */
export function planOutbox(
  record: AlertRecord,
  steps: SlackStep[],
  now: number,
  settings: OutboxSettings,
  timing: StepTiming = {},
): AlertRecord {
  const plan = {
    outbox: [...record.outbox],
    seq: record.outboxSeq,
    budget: rollBudget(record, now, settings),
  };
  const windowEnd = plan.budget.windowStart + settings.windowMs;
  const add = (step: SlackStep, notBefore?: number) => {
    plan.seq += 1;
    plan.outbox.push({ seq: plan.seq, step, createdAt: now, ...(notBefore ? { notBefore } : {}) });
  };
  // The budget is for what notifications repeat: a root posted once an episode and people's actions are
  // neither counted nor folded.
  const spend = () => {
    if (timing.exempt) return true;
    const fits = plan.budget.used < settings.callsPerWindow;
    if (fits) plan.budget = { ...plan.budget, used: plan.budget.used + 1 };
    return fits;
  };
  for (const step of steps) {
    if (step.kind === 'post-root' || step.kind === 'enrich') {
      // An enrichment is planned at most once per opening or recovery: never a storm to fold.
      add(step);
    } else if (step.kind === 'update-root') {
      planRootUpdate(plan.outbox, timing.notBefore, spend, windowEnd, add);
    } else if (timing.exempt || (plan.outbox.length < settings.maxEntries && spend())) {
      add(step);
    } else {
      foldIntoDigest(plan.outbox, step.reply, now, windowEnd, add);
    }
  }
  return { ...record, outbox: plan.outbox, outboxSeq: plan.seq, slackBudget: plan.budget };
}

function planRootUpdate(
  outbox: OutboxEntry[],
  notBefore: number | undefined,
  spend: () => boolean,
  windowEnd: number,
  add: (step: SlackStep, notBefore?: number) => void,
) {
  const index = outbox.findIndex((entry) => entry.step.kind === 'update-root');
  const pending = outbox[index];
  if (pending && pending.notBefore === undefined) {
    // A drain may be drawing that one from the state before this change: a fresh step draws this one.
    outbox.splice(index, 1);
    add({ kind: 'update-root' });
    return;
  }
  if (notBefore !== undefined) {
    if (!pending) add({ kind: 'update-root' }, notBefore);
    return;
  }
  if (spend()) {
    if (pending) outbox.splice(index, 1);
    add({ kind: 'update-root' });
  } else if (!pending) {
    add({ kind: 'update-root' }, windowEnd);
  }
}

function foldIntoDigest(
  outbox: OutboxEntry[],
  reply: ThreadReply,
  now: number,
  windowEnd: number,
  add: (step: SlackStep, notBefore?: number) => void,
) {
  const entry = digestEntryOf(reply, now);
  const index = outbox.findIndex((e) => e.step.kind === 'reply' && e.step.reply.kind === 'digest');
  const pending = outbox[index];
  if (pending?.step.kind === 'reply' && pending.step.reply.kind === 'digest') {
    const digest = pending.step.reply;
    outbox[index] = {
      ...pending,
      step: {
        kind: 'reply',
        reply: {
          ...digest,
          to: entry.at,
          total: digest.total + 1,
          latest: [...digest.latest, entry].slice(-digestListed),
        },
      },
    };
    return;
  }
  add(
    { kind: 'reply', reply: { kind: 'digest', from: entry.at, to: entry.at, total: 1, latest: [entry] } },
    windowEnd,
  );
}

function digestEntryOf(reply: ThreadReply, now: number): DigestEntry {
  if (reply.kind === 'state-changed' || reply.kind === 'fired-again') {
    const { alert } = reply;
    return { at: alert.occurredAt, stateLabel: alert.stateLabel, summary: alert.summary.slice(0, 200) };
  }
  return { at: new Date(now).toISOString(), stateLabel: reply.kind, summary: '' };
}

/**
 * The budget of the window `now` falls in. Entries deferred to this window's start run now and spend it,
 * so a folded digest and the live replies after it stay within the budget together.
 */
function rollBudget(record: AlertRecord, now: number, settings: OutboxSettings): SlackBudget {
  const current = record.slackBudget;
  if (current && now < current.windowStart + settings.windowMs) return current;
  const dueDeferred = record.outbox.filter((e) => e.notBefore !== undefined && e.notBefore <= now).length;
  return { windowStart: now, used: dueDeferred };
}

/** Entries that may run at `now`, in order. */
export function dueEntries(record: Pick<AlertRecord, 'outbox'>, now: number): OutboxEntry[] {
  return record.outbox.filter((entry) => entry.notBefore === undefined || entry.notBefore <= now);
}

/** The earliest time a deferred entry becomes due, if any. */
export function nextDueAt(record: Pick<AlertRecord, 'outbox'>): number | undefined {
  const times = record.outbox.flatMap((entry) => (entry.notBefore === undefined ? [] : [entry.notBefore]));
  return times.length > 0 ? Math.min(...times) : undefined;
}
