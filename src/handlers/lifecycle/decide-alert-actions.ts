import type { ThreadReply } from '../../bot/blocks/thread-reply.ts';
import { alertIdOf, type NormalizedAlert } from '../../model/alert.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import type { SlackStep } from './slack-steps.ts';

export interface LifecycleSettings {
  /** A new ALARM within this long after recovery reopens the old message instead of posting a new one. */
  reopenWindowMs: number;
  /** Repeats refresh the root message's counters at most this often. */
  rootRefreshIntervalMs: number;
}

export interface DecisionInput {
  stored?: AlertRecord;
  mute?: MuteRecord;
  alert: NormalizedAlert;
  route: { channel: string; mentions: string[] };
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
} as const;
export type DecisionOutcome = (typeof DecisionOutcomes)[keyof typeof DecisionOutcomes];

export interface Decision {
  outcome: DecisionOutcome;
  /** The alert record to write, or undefined when the notification changes no alert state. */
  next?: AlertRecord;
  steps: SlackStep[];
  /** The counters changed but the root message is refreshed later (coalescing). */
  refreshRootLater: boolean;
  /** The mute ends with this notification (a mute "until resolved" on recovery). */
  endMute: boolean;
}

/** The whole alert lifecycle as a pure function of (stored state, mute, incoming alert, now). */
export function decideAlertActions(input: DecisionInput): Decision {
  const { stored, alert } = input;
  if (isMuteActive(input.mute, input.now)) return decideWhileMuted(input);
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

export function isMuteActive(mute: MuteRecord | undefined, now: Date): boolean {
  if (!mute) return false;
  return mute.until === undefined || Date.parse(mute.until) > now.getTime();
}

function raises(alert: NormalizedAlert): boolean {
  return alert.state === 'firing' || alert.state === 'insufficient';
}

function isBeyondReopenWindow({ stored, now, settings }: DecisionInput): boolean {
  if (stored?.status !== 'resolved' || !stored.resolvedAt) return false;
  return now.getTime() - Date.parse(stored.resolvedAt) > settings.reopenWindowMs;
}

function recordOnly(): Decision {
  return { outcome: 'recorded-only', steps: [], refreshRootLater: false, endMute: false };
}

function openNewEpisode({ stored, alert, route, messageId, now }: DecisionInput): Decision {
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
    rootClaimedBy: messageId,
    firstFiredAt: at,
    lastFiredAt: at,
    timesFired: 1,
    lastStateLabel: alert.stateLabel,
    lastOccurrence: alert.occurrence,
    rootRefreshedAt: now.getTime(),
    rootStale: false,
    mutedCount: 0,
    reruns: [],
  };
  return {
    outcome: 'new-alert',
    next,
    steps: [{ kind: 'post-root' }],
    refreshRootLater: false,
    endMute: false,
  };
}

function fired(stored: AlertRecord, alert: NormalizedAlert, now: Date): AlertRecord {
  return {
    ...stored,
    alert,
    version: stored.version + 1,
    lastFiredAt: now.toISOString(),
    timesFired: stored.timesFired + 1,
    lastStateLabel: alert.stateLabel,
    lastOccurrence: alert.occurrence ?? stored.lastOccurrence,
  };
}

function reopen(input: DecisionInput, stored: AlertRecord): Decision {
  const { alert, now } = input;
  const next: AlertRecord = {
    ...fired(stored, alert, now),
    status: 'open',
    resolvedAt: undefined,
    resolvedBy: undefined,
    rootRefreshedAt: now.getTime(),
    rootStale: false,
  };
  return withRootUpdate('reopened', next, stateChangeReply(alert, stored, true));
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
    rootRefreshedAt: now.getTime(),
    rootStale: false,
  };
  const reply = stateChangeReply(alert, stored);
  return withRootUpdate('recovered', next, reply);
}

function changeState({ alert, now }: DecisionInput, stored: AlertRecord): Decision {
  const next = { ...fired(stored, alert, now), rootRefreshedAt: now.getTime(), rootStale: false };
  const reply = stateChangeReply(alert, stored);
  return withRootUpdate('state-changed', next, reply);
}

function repeat({ alert, now }: DecisionInput, stored: AlertRecord): Decision {
  const next = fired(stored, alert, now);
  const isNewOccurrence = alert.occurrence !== undefined && alert.occurrence !== stored.lastOccurrence;
  if (isNewOccurrence) {
    const reply: ThreadReply = { kind: 'fired-again', alert: forReply(alert) };
    return withRootUpdate('repeat', { ...next, rootRefreshedAt: now.getTime(), rootStale: false }, reply);
  }
  // Identical repeats never wait on Slack: the root's counters are refreshed later, at most once per
  // interval (see root-refresher.ts).
  return {
    outcome: 'coalesced',
    next: { ...next, rootStale: true },
    steps: [],
    refreshRootLater: true,
    endMute: false,
  };
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
    const next = { ...resolved.next!, mutedCount: 0, mutedLastState: undefined };
    return {
      ...resolved,
      next,
      steps: [...resolved.steps, { kind: 'reply', reply: summary }],
      endMute: true,
    };
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
  return { outcome: 'muted', next, steps: [], refreshRootLater: false, endMute: false };
}

function withRootUpdate(outcome: DecisionOutcome, next: AlertRecord, reply: ThreadReply): Decision {
  return {
    outcome,
    next,
    steps: [{ kind: 'update-root' }, { kind: 'reply', reply }],
    refreshRootLater: false,
    endMute: false,
  };
}

function stateChangeReply(alert: NormalizedAlert, stored: AlertRecord, reopened = false): ThreadReply {
  const reply = {
    kind: 'state-changed',
    alert: forReply(alert),
    previousStateLabel: stored.lastStateLabel,
  } as const;
  return reopened ? { ...reply, reopened } : reply;
}

/** Replies are stored with the notification's pending steps; they never show the raw payload, so drop it. */
function forReply(alert: NormalizedAlert): NormalizedAlert {
  return { ...alert, raw: undefined };
}
