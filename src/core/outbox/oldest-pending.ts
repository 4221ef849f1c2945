import type { OutboxEntry } from '../../model/outbox.ts';

/**
 * How long, in whole seconds, the oldest step in these outboxes has waited since it was committed (0 when
 * none waits): the worker's sweep line carries it, and the stack's self-alarm fires when it grows too old.
 */
export function oldestPendingSeconds(
  records: ReadonlyArray<{ outbox: readonly OutboxEntry[] }>,
  nowMs: number,
) {
  let oldest = Number.POSITIVE_INFINITY;
  for (const record of records) for (const entry of record.outbox) oldest = Math.min(oldest, entry.createdAt);
  return Number.isFinite(oldest) ? Math.max(0, Math.floor((nowMs - oldest) / 1000)) : 0;
}
