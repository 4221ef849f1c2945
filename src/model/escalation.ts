/** One level of an alert's escalation: who is reminded, how long after the level before (or the firing). */
export interface EscalationLevel {
  afterMinutes: number;
  /** Slack mention strings (`<!channel>`, `<!subteam^S…>`, `<@U…>`). */
  mentions: string[];
}

/**
 * Where an open alert stands in its escalation, kept on the alert record. The levels are taken from the
 * configuration when the alert opens (or reopens), so a reminder never depends on a later configuration.
 */
export interface EscalationState {
  levels: EscalationLevel[];
  /** ISO time the wait began: the alert fired, or reopened. */
  since: string;
  /** Levels already sent (0 before the first reminder). */
  sent: number;
  /** ISO time the next level is due; absent once every level was sent. */
  dueAt?: string;
}

/** A new escalation from `from`, or none when there are no levels. */
export function startEscalation(levels: EscalationLevel[], from: Date): EscalationState | undefined {
  const first = levels[0];
  if (!first) return undefined;
  const dueAt = new Date(from.getTime() + first.afterMinutes * 60_000).toISOString();
  return { levels, since: from.toISOString(), sent: 0, dueAt };
}

/** The state after the next level was sent at `now`: the level after it counts from now. */
export function advanceEscalation(state: EscalationState, now: Date): EscalationState {
  const sent = state.sent + 1;
  const following = state.levels[sent];
  return {
    levels: state.levels,
    since: state.since,
    sent,
    ...(following ? { dueAt: new Date(now.getTime() + following.afterMinutes * 60_000).toISOString() } : {}),
  };
}
