import type { AlertRecord } from '../model/records.ts';
import { accountNameOf } from './account-label.ts';
import { displayOfOpen, SeverityLabels } from './display-state.ts';
import { escapeMrkdwn, formatDuration, formatUser } from './mrkdwn.ts';
import { buildMessage, type SlackMessage, truncate } from './query-results-format.ts';

/** `/klaxon alerts`: one line per open alert, newest firing first, as the store returns them. */
export function renderOpenAlerts(
  alerts: AlertRecord[],
  now: Date,
  shownAtMost?: number,
  accountNames?: Readonly<Record<string, string>>,
): SlackMessage {
  const count = alerts.length;
  const footer =
    shownAtMost !== undefined && count >= shownAtMost
      ? [`Showing the ${shownAtMost} most recently fired; more may be open.`]
      : [];
  return buildMessage({
    text: count === 0 ? 'No open alerts' : `${count} open alert${count === 1 ? '' : 's'}`,
    title: count === 0 ? '*Open alerts*\n_No open alerts._ :tada:' : `*Open alerts* (${count})`,
    lines: alerts.map((alert) => describeOpenAlert(alert, now, accountNames)),
    monospace: false,
    footer,
  });
}

export function describeOpenAlert(
  record: AlertRecord,
  now: Date,
  accountNames?: Readonly<Record<string, string>>,
): string {
  const account = accountNameOf(record, accountNames);
  const display = displayOfOpen(record);
  const age = formatDuration(now.getTime() - Date.parse(record.firstFiredAt));
  const acknowledged = record.acknowledged
    ? `acknowledged by ${formatUser(record.acknowledged)}`
    : `_not acknowledged_${describeNextReminder(record, now)}`;
  const parts = [
    `${display.emoji} *${escapeMrkdwn(truncate(record.alert.title, 150))}*`,
    ...describeStateAndSeverity(record),
    account ? escapeMrkdwn(account) : undefined,
    `open ${age}`,
    `fired ${record.timesFired}×`,
    acknowledged,
    /^[CG][A-Z0-9]+$/.test(record.channel) ? `in <#${record.channel}>` : undefined,
  ];
  const note = describeLatestNote(record);
  return `• ${parts.filter(Boolean).join(' · ')}${note ? `\n   ${note}` : ''}`;
}

/** The state as AWS spells it and the severity, once when a source spells its state as a severity (Macie). */
function describeStateAndSeverity(record: AlertRecord): string[] {
  const state = escapeMrkdwn(truncate(record.lastStateLabel || record.alert.stateLabel, 40));
  const severity = SeverityLabels[record.alert.severity];
  return state.toLowerCase() === severity.toLowerCase() ? [severity] : [state, severity];
}

/** ", next reminder in 10 min (level 2 of 3)" while an unacknowledged alert's escalation has a level left. */
export function describeNextReminder(record: AlertRecord, now: Date): string {
  const escalation = record.escalation;
  if (!escalation?.dueAt || record.acknowledged) return '';
  const inMs = Date.parse(escalation.dueAt) - now.getTime();
  const when = inMs > 0 ? `in ${formatDuration(inMs)}` : 'due now';
  return `, next reminder ${when} (level ${escalation.sent + 1} of ${escalation.levels.length})`;
}

/** "📝 @ann: restarted the DB (3 notes)", the latest note cut short; the thread has them all. */
export function describeLatestNote(record: AlertRecord): string | undefined {
  const note = record.latestNote;
  if (!note) return undefined;
  const count = (record.noteCount ?? 1) > 1 ? ` (${record.noteCount} notes)` : '';
  return `📝 ${formatUser(note)}: ${escapeMrkdwn(truncate(note.text.replace(/\s+/g, ' '), 200))}${count}`;
}
