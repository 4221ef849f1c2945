import { type EscalationLevel, startEscalation } from '../../model/escalation.ts';
import type { AlertRecord } from '../../model/records.ts';

/** Reminders start over with each episode and each reopening, at the levels its route gives now. */
export function escalationFrom(
  route: { escalation?: EscalationLevel[] },
  now: Date,
): Pick<AlertRecord, 'escalation'> {
  const escalation = startEscalation(route.escalation ?? [], now);
  return escalation ? { escalation } : {};
}

/** A re-fire pings whom its severity earns (the route's mentions), unless someone already has the alert. */
export function mentionsUnlessAcknowledged(
  route: { mentions: string[] },
  record: AlertRecord,
): { mentions?: string[] } {
  return record.acknowledged || route.mentions.length === 0 ? {} : { mentions: route.mentions };
}
