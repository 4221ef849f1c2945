import { type AlertChange, bumpVersion, type LoadedAlert } from '../../model/alert-change.ts';
import { advanceEscalation } from '../../model/escalation.ts';
import { isMuteActive } from '../../model/mute-state.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import type { EscalationReply } from '../../model/thread-reply.ts';

/**
 * Whether the alert's next reminder is due: open, nobody has acknowledged it, not muted, not silenced
 * (`suppressed`, from the silences), and its next level's time has come.
 */
export function isEscalationDue(
  record: AlertRecord,
  mute: MuteRecord | undefined,
  now: Date,
  suppressed = false,
): boolean {
  const dueAt = record.escalation?.dueAt;
  if (!dueAt || Date.parse(dueAt) > now.getTime()) return false;
  return record.status === 'open' && !record.acknowledged && !isMuteActive(mute, now) && !suppressed;
}

/**
 * The next reminder: a reply naming the level's targets (also shown in the channel) and the escalation
 * moved on, or nothing when none is due. Decided on a fresh read inside the commit, so of two sweepers
 * that both saw it due only the first changes anything: the second reads the level already sent.
 */
export function decideEscalation(
  { record, mute }: LoadedAlert,
  now: Date,
  suppressed = false,
): AlertChange | undefined {
  const state = record.escalation;
  if (!state || !isEscalationDue(record, mute, now, suppressed)) return undefined;
  const level = state.levels[state.sent];
  if (!level) return undefined;
  const reply: EscalationReply = {
    kind: 'escalated',
    level: state.sent + 1,
    levels: state.levels.length,
    mentions: level.mentions,
    since: state.since,
    at: now.toISOString(),
  };
  const next = bumpVersion(record, { escalation: advanceEscalation(state, now) });
  return { next, steps: [{ kind: 'reply', reply }] };
}
