/**
 * The root message of an alert.
 *
 * Colour: the state is shown by a coloured emoji in the header and status line (firing by severity: 🔴
 * critical, 🟠 high, 🟡 medium, 🔵 low, ⚪ info; 🟢 resolved,
 * 🟡 insufficient data, 🔕 muted, 🔵 informational), not by a legacy attachment's colour bar. Blocks in an
 * attachment collapse behind "Show more", make Slack display `text` above them as a duplicate, and are a
 * legacy surface Slack may reduce; top-level blocks keep `text` a pure notification/screen-reader fallback.
 *
 * Layout for a reader at 3 a.m.: how bad (emoji, severity), what is happening in one line, at most six
 * fields, what people did, then what to do (buttons; the console, logs and runbook as URL buttons). The
 * rest is behind Details.
 */
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { AlertView } from '../model/alert-view.ts';
import { renderAlertActions } from './alert-actions.ts';
import { collectAlertFields, renderFieldsSection } from './alert-fields.ts';
import { describeHappening } from './alert-happening.ts';
import { renderAlertLinks } from './alert-links.ts';
import {
  type AlertStatusDisplay,
  describeAlertStatus,
  SeverityLabels,
  SourceLabels,
  shouldMention,
} from './display-state.ts';
import { enforceMessageLimits } from './limits.ts';
import {
  escapeMrkdwn,
  formatCode,
  formatDurationBetween,
  formatSlackDate,
  formatUser,
  selectValidMentions,
} from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

/** Reruns beyond this many are summarised as a count: the thread has each one. */
const maxRerunLines = 3;

export function renderAlertMessage(view: AlertView): SlackMessage {
  const status = describeAlertStatus(view);
  const blocks: KnownBlock[] = [
    renderHeader(view, status),
    renderStatusSection(view, status),
    ...renderHappening(view),
    ...renderFieldsSection(collectAlertFields(view)),
    ...renderLifecycle(view),
    renderAlertActions(view),
    ...renderAlertLinks(view),
  ];
  return enforceMessageLimits({ text: renderFallbackText(view, status), blocks });
}

function renderHeader(view: AlertView, status: AlertStatusDisplay): HeaderBlock {
  // plain_text is not parsed for markup, so the title goes in unescaped.
  return {
    type: 'header',
    text: { type: 'plain_text', text: `${status.emoji} ${view.alert.title}`, emoji: true },
  };
}

/** How bad and in what state; a resolved alert is no longer bad, so it shows no severity. */
function renderStatusSection(view: AlertView, status: AlertStatusDisplay): SectionBlock {
  const { alert } = view;
  const parts = [
    `${status.emoji} *${describeStatusLabel(view, status)}*`,
    ...(view.status === 'resolved' ? [] : [`*${SeverityLabels[alert.severity]}*`]),
    // Macie's state is its severity ("Low"): said once.
    ...(alert.stateLabel.toLowerCase() === alert.severity ? [] : [formatCode(alert.stateLabel)]),
    SourceLabels[alert.source],
  ];
  const mentions = shouldMention(view) ? selectValidMentions(view.mentions) : [];
  const lines = [parts.join(' · '), ...(mentions.length > 0 ? [mentions.join(' ')] : [])];
  return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
}

/** "Resolved after 42 min", "Resolved by @ann after 1 h 12 min", "Muted", "Firing". */
function describeStatusLabel(view: AlertView, status: AlertStatusDisplay): string {
  if (view.status !== 'resolved') return status.label;
  const by = view.resolvedBy && view.resolvedBy !== 'event' ? ` by ${formatUser(view.resolvedBy)}` : '';
  const duration = formatDurationBetween(view.firstFiredAt, view.resolvedAt);
  return `${status.label}${by}${duration ? ` after ${duration}` : ''}`;
}

function renderHappening(view: AlertView): SectionBlock[] {
  const lines = describeHappening(view);
  if (lines.length === 0) return [];
  return [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
}

function renderLifecycle(view: AlertView): ContextBlock[] {
  const lines = [
    ...describeReopened(view),
    ...describeAcknowledgement(view),
    ...describeMute(view),
    ...describeReruns(view),
  ];
  if (lines.length === 0) return [];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n') }] }];
}

/** It had been resolved: whoever had it then may not have it now, so it asks again. */
function describeReopened(view: AlertView): string[] {
  if (!view.reopenedAt) return [];
  return [`🔁 Reopened: fired again after it resolved · ${formatSlackDate(view.reopenedAt)}`];
}

function describeAcknowledgement(view: AlertView): string[] {
  if (!view.acknowledged) return [];
  return [`👀 Acknowledged by ${formatUser(view.acknowledged)} · ${formatSlackDate(view.acknowledged.at)}`];
}

/** A mute on a resolved alert no longer silences anything, so it is not shown. */
function describeMute(view: AlertView): string[] {
  if (!view.mute || view.status !== 'open') return [];
  const until = view.mute.until ? `until ${formatSlackDate(view.mute.until)}` : 'until resolved';
  const reason = view.mute.reason ? ` — ${escapeMrkdwn(view.mute.reason)}` : '';
  return [`🔕 Muted by ${formatUser(view.mute)} ${until}${reason}`];
}

function describeReruns(view: AlertView): string[] {
  const shown = view.reruns.slice(-maxRerunLines);
  const lines = shown.map(
    (rerun) =>
      `🔁 Rerun ${formatCode(rerun.jobRunId)} started by ${formatUser(rerun)} · ${formatSlackDate(rerun.at)}`,
  );
  const hidden = view.reruns.length - shown.length;
  const earlier = hidden === 1 ? '1 earlier rerun' : `${hidden} earlier reruns`;
  return hidden > 0 ? [`🔁 ${earlier} (see thread)`, ...lines] : lines;
}

/** The notification line: state, title and reason; mentions only while they should ping. */
function renderFallbackText(view: AlertView, status: AlertStatusDisplay): string {
  const mentions = shouldMention(view) ? selectValidMentions(view.mentions) : [];
  const summary = view.alert.headline?.text ?? view.alert.summary.trim().split('\n')[0]!;
  const account = view.accountName ? ` (${escapeMrkdwn(view.accountName)})` : '';
  const head = `${status.emoji} ${describeStatusLabel(view, status)}: ${escapeMrkdwn(view.alert.title)}${account}`;
  return [...mentions, head, ...(summary ? [`— ${escapeMrkdwn(summary)}`] : [])].join(' ');
}
