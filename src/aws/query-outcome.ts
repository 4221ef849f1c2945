/** Why a query produced no (complete) result; the renderer picks wording and emoji from it. */
export const FailureReasons = {
  invalid: 'invalid',
  awsError: 'aws-error',
  queryFailed: 'query-failed',
  cancelled: 'cancelled',
  timedOut: 'timed-out',
  deadline: 'deadline',
} as const;
export type FailureReason = (typeof FailureReasons)[keyof typeof FailureReasons];

export interface QueryFailure {
  ok: false;
  reason: FailureReason;
  /** One short sentence for a human; never a stack trace. */
  message: string;
}

export type QueryOutcome<T> = { ok: true; value: T } | QueryFailure;

export function failQuery(reason: FailureReason, message: string): QueryFailure {
  return { ok: false, reason, message };
}

/** What a long-running query reports while it waits, for the "Running… 12 s" message. */
export interface QueryProgress {
  state: string;
  elapsedMs: number;
  bytesScanned?: number;
  recordsScanned?: number;
}
