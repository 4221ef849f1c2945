import { alertIdOf, type NormalizedAlert } from '../../model/alert.ts';
import type { AlertChange } from '../../model/alert-change.ts';
import type { LastFailure } from '../../model/alert-view.ts';
import type { EscalationLevel } from '../../model/escalation.ts';
import { isMuteActive } from '../../model/mute-state.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import type { ThreadReply } from '../../model/thread-reply.ts';
import type { StepTiming } from '../outbox/plan-outbox.ts';
import { escalationFrom, mentionsUnlessAcknowledged } from './refire-attention.ts';

export interface LifecycleSettings {
  /** A new ALARM within this long after recovery reopens the old message instead of posting a new one. */
  reopenWindowMs: number;
  /** Repeats refresh the root message's counters at most this often. */
  rootRefreshIntervalMs: number;
}

export interface DecisionInput {
  stored?: AlertRecord;
  mute?: MuteRecord;
  /** The silence or maintenance window in force that matches the alert, if any. */
  silence?: { silenceId: string };
  alert: NormalizedAlert;
  route: { channel: string; mentions: string[]; escalation?: EscalationLevel[] };
  messageId: string;
  now: Date;
  settings: LifecycleSettings;
}

export const DecisionOutcomes = {
  newAlert: 'new-alert',
  repeat: 'repeat',
  coalesced: 'coalesced',
  stateChanged: 'state-changed',
  recovered: 'recovered',
  reopened: 'reopened',
  muted: 'muted',
  recordedOnly: 'recorded-only',
  silenced: 'silenced',
} as const;
export type DecisionOutcome = (typeof DecisionOutcomes)[keyof typeof DecisionOutcomes];

export interface Decision {
  outcome: DecisionOutcome;
  /** The alert's next state and the Slack steps it owes; absent when the notification changes nothing. */
  change?: AlertChange;
  /** A coalesced repeat redraws the root later, at most once per interval. */
  timing?: StepTiming;
}

/** The whole alert lifecycle as a pure function of (stored state, mute, incoming alert, now). */
export function decideAlertActions(input: DecisionInput): Decision {
  const { stored, alert } = input;
  if (isMuteActive(input.mute, input.now)) return decideWhileMuted(input);
  // A silence holds back what would raise an alert; a recovery of one already in the channel still shows.
  if (input.silence && raises(alert)) return { outcome: 'silenced' };
  if (!stored || isBeyondReopenWindow(input)) {
    return raises(alert) ? openNewEpisode(input) : recordOnly();
  }
  if (stored.status === 'resolved') {
    return raises(alert) ? reopen(input, stored) : recordOnly();
  }
  if (alert.state === 'recovered') return recover(input, stored);
  if (alert.state === 'informational') return recordOnly();
  if (alert.stateLabel !== stored.lastStateLabel) return changeState(input, stored);
  return repeat(input, stored);
}

function raises(alert: NormalizedAlert): boolean {
  return alert.state === 'firing' || alert.state === 'insufficient';
}

function isBeyondReopenWindow({ stored, now, settings }: DecisionInput): boolean {
  if (stored?.status !== 'resolved' || !stored.resolvedAt) return false;
  return now.getTime() - Date.parse(stored.resolvedAt) > settings.reopenWindowMs;
}

function recordOnly(): Decision {
  return { outcome: 'recorded-only' };
}

function openNewEpisode({ stored, alert, route, now }: DecisionInput): Decision {
  const at = now.toISOString();
  const next: AlertRecord = {
    alertId: alertIdOf(alert.key),
    alertKey: alert.key,
    status: 'open',
    alert,
    episode: (stored?.episode ?? 0) + 1,
    version: (stored?.version ?? 0) + 1,
    channel: route.channel,
    mentions: route.mentions,
    firstFiredAt: at,
    lastFiredAt: at,
    lastFiredSourceAt: alert.occurredAt,
    timesFired: 1,
    lastStateLabel: alert.stateLabel,
    lastOccurrence: alert.occurrence,
    rootRefreshedAt: now.getTime(),
    mutedCount: 0,
    reruns: [],
    outbox: stored?.outbox ?? [],
    outboxSeq: stored?.outboxSeq ?? 0,
    ...(stored?.slackBudget ? { slackBudget: stored.slackBudget } : {}),
    ...failureOf(alert),
    ...escalationFrom(route, now),
  };
  const payload = alert.details
    ? [{ kind: 'reply', reply: { kind: 'payload', text: alert.details } } as const]
    : [];
  return { outcome: 'new-alert', change: { next, steps: [{ kind: 'post-root' }, ...payload] } };
}

function fired(stored: AlertRecord, alert: NormalizedAlert, now: Date): AlertRecord {
  return {
    ...stored,
    alert,
    version: stored.version + 1,
    lastFiredAt: now.toISOString(),
    lastFiredSourceAt: alert.occurredAt,
    timesFired: stored.timesFired + 1,
    lastStateLabel: alert.stateLabel,
    lastOccurrence: alert.occurrence ?? stored.lastOccurrence,
    ...failureOf(alert),
  };
}

/** A firing notification's story, kept on the record so that its recovery can still tell it. */
function failureOf(alert: NormalizedAlert): { lastFailure?: LastFailure } {
  if (alert.state !== 'firing') return {};
  const lastFailure: LastFailure = {
    stateLabel: alert.stateLabel,
    summary: alert.summary.slice(0, maxFailureSummaryChars),
    ...(alert.headline ? { headline: alert.headline } : {}),
    ...(alert.occurrence ? { occurrence: alert.occurrence } : {}),
    at: alert.occurredAt,
  };
  return { lastFailure };
}

/** The record holds it beside the alert itself: a bounded copy is enough for one line. */
const maxFailureSummaryChars = 1000;

/** Whoever had it before it resolved may not have it now: it waits for someone again, from the start. */
function reopen(input: DecisionInput, stored: AlertRecord): Decision {
  const { alert, now, route } = input;
  const next: AlertRecord = {
    ...fired(stored, alert, now),
    status: 'open',
    resolvedAt: undefined,
    resolvedBy: undefined,
    acknowledged: undefined,
    reopenedAt: now.toISOString(),
    mentions: route.mentions,
    escalation: undefined,
    ...escalationFrom(route, now),
  };
  const reply = { ...stateChangeReply(alert, stored, true), ...mentionsUnlessAcknowledged(route, next) };
  return withRootUpdate('reopened', next, reply);
}

function recover({ alert, now }: DecisionInput, stored: AlertRecord): Decision {
  const next: AlertRecord = {
    ...stored,
    // The recovery's own facts (ALARM → OK, its reason), but the severity it had while it mattered.
    alert: { ...stored.alert, ...alert, severity: stored.alert.severity },
    version: stored.version + 1,
    status: 'resolved',
    resolvedAt: now.toISOString(),
    resolvedBy: 'event',
    lastStateLabel: alert.stateLabel,
  };
  const reply = stateChangeReply(alert, stored);
  return withRootUpdate('recovered', next, reply);
}

function changeState(input: DecisionInput, stored: AlertRecord): Decision {
  const { alert, now } = input;
  const firing = alert.state === 'firing' ? mentionsUnlessAcknowledged(input.route, stored) : {};
  const reply = { ...stateChangeReply(alert, stored), ...firing };
  return withRootUpdate('state-changed', fired(stored, alert, now), reply);
}

function repeat(input: DecisionInput, stored: AlertRecord): Decision {
  const { alert, now, settings } = input;
  const next = fired(stored, alert, now);
  const isNewOccurrence = alert.occurrence !== undefined && alert.occurrence !== stored.lastOccurrence;
  if (isNewOccurrence) {
    const reply: ThreadReply = {
      kind: 'fired-again',
      alert: forReply(alert),
      ...mentionsUnlessAcknowledged(input.route, stored),
    };
    // A new occurrence earns the mentions of its own severity (a new finding may be graver than the first).
    return withRootUpdate('repeat', { ...next, mentions: input.route.mentions }, reply);
  }
  // Identical repeats never wait on Slack: the root's counters are redrawn later, at most once per interval.
  const notBefore = Math.max(now.getTime(), stored.rootRefreshedAt + settings.rootRefreshIntervalMs);
  return { outcome: 'coalesced', change: { next, steps: [{ kind: 'update-root' }] }, timing: { notBefore } };
}

function decideWhileMuted(input: DecisionInput): Decision {
  const { stored, alert, now, mute } = input;
  if (!stored) return recordOnly();
  const counted: AlertRecord = {
    ...stored,
    version: stored.version + 1,
    mutedCount: stored.mutedCount + 1,
    mutedLastState: alert.stateLabel,
  };
  if (alert.state === 'recovered' && stored.status === 'open' && mute?.until === undefined) {
    const resolved = recover(input, counted);
    const summary: ThreadReply = {
      kind: 'mute-expired',
      at: now.toISOString(),
      whileMuted: { notifications: counted.mutedCount, lastStateLabel: alert.stateLabel },
    };
    const change = resolved.change!;
    const next = { ...change.next, mutedCount: 0, mutedLastState: undefined };
    const steps = [...change.steps, { kind: 'reply', reply: summary } as const];
    return { ...resolved, change: { next, steps, ...(mute ? { endMute: mute } : {}) } };
  }
  // Counters and state keep moving while muted, silently; the summary is posted when the mute ends.
  const next: AlertRecord = raises(alert)
    ? {
        ...fired(counted, alert, now),
        version: counted.version,
        status: 'open',
        resolvedAt: undefined,
        resolvedBy: undefined,
      }
    : counted;
  return { outcome: 'muted', change: { next, steps: [] } };
}

function withRootUpdate(outcome: DecisionOutcome, next: AlertRecord, reply: ThreadReply): Decision {
  return { outcome, change: { next, steps: [{ kind: 'update-root' }, { kind: 'reply', reply }] } };
}

function stateChangeReply(alert: NormalizedAlert, stored: AlertRecord, reopened = false): ThreadReply {
  const reply = {
    kind: 'state-changed',
    alert: forReply(alert),
    previousStateLabel: stored.lastStateLabel,
  } as const;
  return reopened ? { ...reply, reopened } : reply;
}

/** Replies wait in the outbox; they never show the raw payload, so it is not kept twice. */
function forReply(alert: NormalizedAlert): NormalizedAlert {
  return { ...alert, raw: undefined };
}
