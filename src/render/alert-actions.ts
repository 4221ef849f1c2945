import type { ActionsBlock, ActionsBlockElement, Button, PlainTextElement, StaticSelect } from '@slack/types';
import type { AlertView } from '../model/alert-view.ts';
import {
  AlertActionIds,
  encodeAlertIdValue,
  encodeMuteOptionValue,
  encodeRerunValue,
  type MuteChoice,
  MuteChoices,
} from './action-values.ts';
import { escapeMrkdwn, formatCode } from './mrkdwn.ts';

/** Stable block id so listeners and tests can find the buttons in a message. */
export const AlertActionsBlockId = 'klaxon_alert_actions';

/**
 * The buttons an alert offers in its current life: Acknowledge ⇄ Unacknowledge, Mute ⇄ Unmute, Rerun for a
 * failed Glue run (or a firing alarm the configuration maps to a Glue job) where someone may use it,
 * Resolve when no event will ever resolve it, Reopen after a person resolved it, and always Details.
 */
export function renderAlertActions(view: AlertView): ActionsBlock {
  const elements = view.status === 'open' ? renderOpenActions(view) : renderResolvedActions(view);
  elements.push(renderButton(AlertActionIds.details, Labels.details, view.alertId));
  return { type: 'actions', block_id: AlertActionsBlockId, elements };
}

function renderOpenActions(view: AlertView): ActionsBlockElement[] {
  const elements: ActionsBlockElement[] = [
    view.acknowledged
      ? renderButton(AlertActionIds.unacknowledge, Labels.unacknowledge, view.alertId)
      : { ...renderButton(AlertActionIds.acknowledge, Labels.acknowledge, view.alertId), style: 'primary' },
    view.mute
      ? renderButton(AlertActionIds.unmute, Labels.unmute, view.alertId)
      : renderMuteSelect(view.alertId),
    renderButton(AlertActionIds.addNote, Labels.addNote, view.alertId),
  ];
  const rerun = view.rerunOffered ? renderRerunButton(view) : undefined;
  if (rerun) elements.push(rerun);
  if (!view.alert.resolvableByEvent)
    elements.push(renderButton(AlertActionIds.resolve, Labels.resolve, view.alertId));
  return elements;
}

/** Only a person's resolution can be undone by a person; an event's resolution is undone by the next event. */
function renderResolvedActions(view: AlertView): ActionsBlockElement[] {
  if (view.resolvedBy === undefined || view.resolvedBy === 'event') return [];
  return [renderButton(AlertActionIds.reopen, Labels.reopen, view.alertId)];
}

/**
 * Labels that never change, made once and shared by every message: nothing downstream changes a drawn
 * message (the limit pass copies what it cuts), and frozen, nothing can.
 */
function labelOf(text: string): PlainTextElement {
  return Object.freeze({ type: 'plain_text', text, emoji: true });
}

const Labels = {
  acknowledge: labelOf('Acknowledge'),
  unacknowledge: labelOf('Unacknowledge'),
  unmute: labelOf('Unmute'),
  addNote: labelOf('Add note'),
  resolve: labelOf('Resolve'),
  reopen: labelOf('Reopen'),
  details: labelOf('Details'),
  mutePlaceholder: labelOf('Mute…'),
};

function renderButton(actionId: string, label: PlainTextElement, alertId: string): Button {
  return { type: 'button', action_id: actionId, text: label, value: encodeAlertIdValue(alertId) };
}

/** The menu's choices in order, read once: every open alert's message draws them. */
const muteMenu = Object.entries(MuteChoices).map(([choice, { label }]) => ({
  choice: choice as MuteChoice,
  label: labelOf(label),
}));

function renderMuteSelect(alertId: string): StaticSelect {
  return {
    type: 'static_select',
    action_id: AlertActionIds.mute,
    placeholder: Labels.mutePlaceholder,
    options: muteMenu.map(({ choice, label }) => ({
      text: label,
      value: encodeMuteOptionValue(choice, alertId),
    })),
  };
}

/**
 * A failed Glue run names the run to start again. A mapped alarm names only the job: the click finds its
 * latest failed run, and only while the alarm fires (an alarm back to OK or without data asks for nothing).
 */
function renderRerunButton({ alertId, alert }: AlertView): Button | undefined {
  if (alert.glueRun) {
    const { jobName, jobRunId } = alert.glueRun;
    const question = `Start a new run of *${escapeMrkdwn(jobName)}* with the arguments of run ${formatCode(jobRunId)}?`;
    return buildRerunButton(encodeRerunValue({ alertId, jobName, jobRunId }), question);
  }
  if (alert.glueJob && alert.state === 'firing') {
    const { jobName } = alert.glueJob;
    const question = `Start a new run of *${escapeMrkdwn(jobName)}* with the arguments of its latest failed run?`;
    return buildRerunButton(encodeRerunValue({ alertId, jobName }), question);
  }
  return undefined;
}

/** Rerunning a job has costs and side effects, so Slack asks for confirmation before sending the action. */
function buildRerunButton(value: string, question: string): Button {
  return {
    type: 'button',
    action_id: AlertActionIds.rerunGlueJob,
    text: { type: 'plain_text', text: 'Rerun Glue job', emoji: true },
    value,
    confirm: {
      title: { type: 'plain_text', text: 'Rerun Glue job?' },
      text: { type: 'mrkdwn', text: question },
      confirm: { type: 'plain_text', text: 'Rerun' },
      deny: { type: 'plain_text', text: 'Cancel' },
    },
  };
}
