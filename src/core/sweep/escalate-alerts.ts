import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../model/alert-change.ts';
import { klaxonActor } from '../../model/klaxon-actor.ts';
import type { AlertRecord } from '../../model/records.ts';
import type { AlertChangeDeps } from '../buttons/action-deps.ts';
import { commitChange, type Decided } from '../outbox/commit-change.ts';
import type { SweepScope } from '../outbox/sweep-outbox.ts';
import { decideEscalation, isEscalationDue } from './decide-escalation.ts';
import { isSuppressed as noSilences, type SuppressionCheck } from './is-suppressed.ts';

export const escalateAuditAction = 'escalate';

/**
 * Sends every reminder that is due: each one a reply step, the escalation's next level and its audit record
 * (actor: Klaxon) committed in one version-checked transaction, so sweepers running at once (the server
 * timer, the Lambda schedule) send it once. Returns how many were sent.
 */
export async function sweepEscalations(
  deps: AlertChangeDeps,
  isSuppressed: SuppressionCheck = noSilences,
  scope: SweepScope = 'wake',
): Promise<number> {
  const now = deps.now();
  let sent = 0;
  // However many fired after it: the longest-waiting ones need their reminder most.
  const pages = scope === 'full' ? deps.store.alerts.openAlertPages() : deps.store.alerts.wakePages();
  for await (const page of pages) {
    // The mute is read again in the commit; a muted alert is skipped there.
    for (const record of page.filter((candidate) => isEscalationDue(candidate, undefined, now))) {
      try {
        if (await isSuppressed(record.alert, now)) continue;
        if (await escalate(deps, record)) sent++;
      } catch (error) {
        // One alert's trouble must not hold back the others' reminders; the next sweep tries again.
        deps.logger.warn({ err: error, alertId: record.alertId }, 'reminder failed; the next sweep retries');
      }
    }
  }
  return sent;
}

async function escalate(deps: AlertChangeDeps, record: AlertRecord): Promise<boolean> {
  const outcome = await commitChange(deps.outbox, {
    alertId: record.alertId,
    owner: `escalation:${randomUUID().slice(0, 8)}`,
    decide: ({ record: stored, mute }, now): Decided => {
      const change = stored
        ? decideEscalation({ record: stored, ...(mute ? { mute } : {}) }, now)
        : undefined;
      if (!change || !stored) return {};
      return { change, timing: { exempt: true }, audit: auditOf(stored, now) };
    },
  });
  return outcome.kind === 'committed' && outcome.decided.change !== undefined;
}

function auditOf(record: AlertRecord, now: Date): AuditEntry {
  const level = (record.escalation?.sent ?? 0) + 1;
  return {
    at: now.toISOString(),
    actor: klaxonActor,
    action: escalateAuditAction,
    alertId: record.alertId,
    params: { level, mentions: record.escalation?.levels[level - 1]?.mentions ?? [] },
    result: 'ok',
  };
}
