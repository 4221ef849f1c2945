import type { KnownBlock, ModalView, SectionBlock } from '@slack/types';
import type { AlertView } from '../model/alert-view.ts';
import { collectDetailFields, renderFieldsSection } from './alert-fields.ts';
import { formatJsonSummary } from './alert-happening.ts';
import { SeverityLabels, SourceLabels } from './display-state.ts';
import { enforceMessageLimits } from './limits.ts';
import { escapeMrkdwn, formatCode, formatSlackDate } from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

/** Modal titles are plain text of at most 24 characters. */
const modalTitle = 'Alert details';

/** What the root leaves out, one click away: the whole reason, every field, the failure a recovery ended. */
export function renderAlertDetailsModal(view: AlertView): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: modalTitle },
    close: { type: 'plain_text', text: 'Close' },
    blocks: renderAlertDetails(view).blocks,
  };
}

/** The details as blocks within Slack's limits (also what a test or the CLI can print). */
export function renderAlertDetails(view: AlertView): SlackMessage {
  const { alert } = view;
  const blocks: KnownBlock[] = [
    mrkdwnSection(`*${escapeMrkdwn(alert.title)}*\n${describeFacts(view)}`),
    ...reasonSection('Reason', alert.summary),
    ...failureSections(view),
    ...renderFieldsSection(collectDetailFields(view)),
  ];
  return enforceMessageLimits({ text: `Details: ${alert.title}`, blocks });
}

function describeFacts(view: AlertView): string {
  const { alert } = view;
  return [
    SourceLabels[alert.source],
    `${SeverityLabels[alert.severity]} severity`,
    formatCode(alert.stateLabel),
    `alert ${formatCode(view.alertId)}`,
  ].join(' · ');
}

function reasonSection(label: string, text: string): SectionBlock[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const body = /^[[{]/.test(trimmed) ? formatJsonSummary(trimmed) : escapeMrkdwn(trimmed);
  return [mrkdwnSection(`*${label}*\n${body}`)];
}

/** After a recovery, the alert shows the recovery's facts: the failure it ended is told here in full. */
function failureSections(view: AlertView): SectionBlock[] {
  const failure = view.lastFailure;
  if (!failure || view.status !== 'resolved' || view.alert.state === 'firing') return [];
  const run = failure.occurrence ? ` (${formatCode(failure.occurrence)})` : '';
  const label = `Last failure: ${formatCode(failure.stateLabel)}${run} at ${formatSlackDate(failure.at)}`;
  return reasonSection(label, failure.summary);
}

function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
