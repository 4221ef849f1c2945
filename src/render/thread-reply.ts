import type { KnownBlock } from '@slack/types';
import type { NormalizedAlert } from '../model/alert.ts';
import type { AlertView, SlackUserRef } from '../model/alert-view.ts';
import { collectAlertFieldsOf, renderFieldsSection } from './alert-fields.ts';
import { StatusDisplays } from './display-state.ts';
import { glueRunConsoleUrl } from './glue-links.ts';
import { enforceMessageLimits } from './limits.ts';
import {
  escapeMrkdwn,
  formatCode,
  formatDurationBetween,
  formatLink,
  formatSlackDate,
  formatUser,
  selectValidMentions,
} from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

export type { MuteSummary, ThreadReply, ThreadReplyKind } from '../model/thread-reply.ts';

import type { EscalationReply, MuteSummary, ThreadReply } from '../model/thread-reply.ts';

/** The parts every reply is drawn from: a headline, optional detail lines, fields and a context line. */
interface ReplyParts {
  headline: string;
  details?: string[];
  alert?: NormalizedAlert;
  context: string[];
}

export function renderThreadReply(reply: ThreadReply, view: AlertView): SlackMessage {
  const parts = describeReply(reply, view);
  const body = [parts.headline, ...(parts.details ?? [])].join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: body } },
    ...(parts.alert ? renderFieldsSection(collectAlertFieldsOf(parts.alert)) : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: parts.context.join(' · ') }] },
  ];
  return enforceMessageLimits({ text: `${parts.headline} — ${escapeMrkdwn(view.alert.title)}`, blocks });
}

function describeReply(reply: ThreadReply, view: AlertView): ReplyParts {
  switch (reply.kind) {
    case 'escalated':
      return describeEscalation(reply);
    case 'fired-again':
      return describeFiredAgain(reply.alert, view, reply.mentions);
    case 'state-changed':
      return describeStateChange(
        reply.alert,
        reply.previousStateLabel,
        reply.reopened === true,
        reply.mentions,
      );
    case 'note':
      return {
        ...describeUserAction('📝', reply.by, 'added a note', reply.at),
        details: [escapeMrkdwn(reply.text)],
      };
    case 'acknowledged':
      return describeUserAction('👀', reply.by, 'acknowledged this alert', reply.at);
    case 'unacknowledged':
      return describeUserAction('↩️', reply.by, 'removed the acknowledgement', reply.at);
    case 'muted':
      return describeMuted(reply);
    case 'unmuted':
      return {
        ...describeUserAction('🔔', reply.by, 'unmuted this alert', reply.at),
        details: [describeWhileMuted(reply.whileMuted)],
      };
    case 'mute-expired':
      return {
        headline: '🔔 *Mute expired*',
        details: [describeWhileMuted(reply.whileMuted)],
        context: [formatSlackDate(reply.at)],
      };
    case 'resolved':
      return describeResolved(reply.by, reply.at, view);
    case 'reopened':
      return describeUserAction('🔴', reply.by, 'reopened this alert', reply.at);
    case 'rerun-started':
      return describeRerun(reply, view);
    case 'digest':
      return describeDigest(reply);
    case 'payload':
      return { headline: '📄 *The notification as it arrived*', details: [reply.text], context: [] };
    case 'reconciled':
      return {
        headline: `🟢 *Resolved: the alarm is ${escapeMrkdwn(reply.stateValue)} in CloudWatch; its recovery notification never arrived*`,
        details: reply.stateReason ? [escapeMrkdwn(reply.stateReason)] : [],
        context: [formatSlackDate(reply.at), 'found by reconciliation with CloudWatch'],
      };
  }
}

/** "14 more state changes, 12:01–12:02", then the latest few, newest last. */
function describeDigest(reply: Extract<ThreadReply, { kind: 'digest' }>): ReplyParts {
  const count = reply.total === 1 ? '1 more state change' : `${reply.total} more state changes`;
  const shown = reply.latest.map(
    (entry) => `${formatSlackDate(entry.at)} ${formatCode(entry.stateLabel)} ${escapeMrkdwn(entry.summary)}`,
  );
  const hidden = reply.total - reply.latest.length;
  return {
    headline: `🔁 *${count}* between ${formatSlackDate(reply.from)} and ${formatSlackDate(reply.to)}`,
    details: [...(hidden > 0 ? [`(${hidden} earlier not listed)`] : []), ...shown],
    context: ['Folded into one reply to keep the channel readable; every notification is recorded.'],
  };
}

/** "⏰ @oncall Not acknowledged after 15 min (level 1 of 2)": its mentions lead, so the notification names them. */
function describeEscalation(reply: EscalationReply): ReplyParts {
  const mentions = selectValidMentions(reply.mentions);
  const waited = formatDurationBetween(reply.since, reply.at) ?? '';
  return {
    headline: `⏰ ${[...mentions, `*Not acknowledged after ${waited}*`].join(' ')} (level ${reply.level} of ${reply.levels})`,
    details: ['Acknowledge it on the alert to stop the reminders, or mute it.'],
    context: [formatSlackDate(reply.at)],
  };
}

/** A re-fire shown in the channel leads with the mentions its decision gave it (its severity's, when nobody has it). */
function mentionsOf(mentions: string[] | undefined): string {
  const valid = selectValidMentions(mentions ?? []);
  return valid.length > 0 ? `${valid.join(' ')} ` : '';
}

function describeFiredAgain(alert: NormalizedAlert, view: AlertView, mentions?: string[]): ReplyParts {
  const occurrence = alert.occurrence ? `: new occurrence ${formatCode(alert.occurrence)}` : '';
  return {
    headline: `${mentionsOf(mentions)}${StatusDisplays[alert.state].emoji} *Fired again* (${formatOrdinal(view.timesFired)} time)${occurrence}`,
    details: describeSummary(alert),
    alert,
    context: describeEventContext(alert),
  };
}

function describeStateChange(
  alert: NormalizedAlert,
  previous: string | undefined,
  reopened: boolean,
  mentions?: string[],
): ReplyParts {
  const labels = { firing: reopened ? 'Reopened: firing again' : 'Firing again' } as Record<string, string>;
  const display = StatusDisplays[alert.state];
  const transition = previous
    ? `${formatCode(previous)} → ${formatCode(alert.stateLabel)}`
    : formatCode(alert.stateLabel);
  const flapping = reopened ? ['It had been resolved; it may be flapping.'] : [];
  return {
    headline: `${mentionsOf(mentions)}${display.emoji} *${labels[alert.state] ?? display.label}* · ${transition}`,
    details: [...flapping, ...describeSummary(alert)],
    context: describeEventContext(alert),
  };
}

function describeUserAction(emoji: string, by: SlackUserRef, action: string, at: string): ReplyParts {
  return { headline: `${emoji} ${formatUser(by)} ${action}`, context: [formatSlackDate(at)] };
}

function describeMuted(reply: Extract<ThreadReply, { kind: 'muted' }>): ReplyParts {
  const duration = formatDurationBetween(reply.at, reply.until);
  const until = reply.until
    ? `until ${formatSlackDate(reply.until)}${duration ? ` (${duration})` : ''}`
    : 'until it resolves';
  return {
    headline: `🔕 ${formatUser(reply.by)} muted this alert ${until}`,
    details: reply.reason ? [`Reason: ${escapeMrkdwn(reply.reason)}`] : [],
    context: [formatSlackDate(reply.at)],
  };
}

/** "12 notifications while muted, last state `ALARM`". */
function describeWhileMuted(summary: MuteSummary): string {
  const count = summary.notifications === 1 ? '1 notification' : `${summary.notifications} notifications`;
  const last = summary.lastStateLabel ? `, last state ${formatCode(summary.lastStateLabel)}` : '';
  return summary.notifications === 0 ? 'No notifications while muted' : `${count} while muted${last}`;
}

function describeResolved(by: SlackUserRef, at: string, view: AlertView): ReplyParts {
  const duration = formatDurationBetween(view.firstFiredAt, at);
  return describeUserAction('🟢', by, `resolved this alert${duration ? ` after ${duration}` : ''}`, at);
}

function describeRerun(reply: Extract<ThreadReply, { kind: 'rerun-started' }>, view: AlertView): ReplyParts {
  const url = reply.consoleUrl ?? glueRunConsoleUrl(view.alert.region, reply.jobName, reply.jobRunId);
  const link = url ? [formatLink(url, 'Open run in AWS Glue console')] : [];
  return {
    headline: `🔁 ${formatUser(reply.by)} started a rerun of *${escapeMrkdwn(reply.jobName)}*: run ${formatCode(reply.jobRunId)}`,
    context: [formatSlackDate(reply.at), ...link],
  };
}

const ordinalSuffixes: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
// Building the rules costs about 20 µs, choosing with them half a microsecond: built once, on first use.
let ordinalRules: Intl.PluralRules | undefined;

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
function formatOrdinal(n: number): string {
  ordinalRules ??= new Intl.PluralRules('en-US', { type: 'ordinal' });
  return `${n}${ordinalSuffixes[ordinalRules.select(n)] ?? 'th'}`;
}

function describeSummary(alert: NormalizedAlert): string[] {
  const summary = alert.summary.trim();
  return summary ? [escapeMrkdwn(summary)] : [];
}

function describeEventContext(alert: NormalizedAlert): string[] {
  const link = alert.consoleUrl ? [formatLink(alert.consoleUrl, 'Open in AWS console')] : [];
  return [formatSlackDate(alert.occurredAt), ...link];
}
