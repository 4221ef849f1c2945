import { type OutboxEntry, stepIdOf } from '../../model/outbox.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import { renderAlertMessage } from '../../render/alert-message.ts';
import { alertViewOf } from '../../render/alert-view-of.ts';
import { renderThreadReply } from '../../render/thread-reply.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';

export type StepResult =
  | { kind: 'done'; rootTs?: string }
  /** The step needs the root message, which is not posted yet (its post-root step is still waiting). */
  | { kind: 'blocked' };

/**
 * Runs one outbox entry against Slack, drawing the alert as it is now. A `suspect` entry may already be in
 * Slack (a drain failed or died after sending it): its tagged post is looked for before posting again, so a
 * crash never shows a duplicate. Updates need no such care: drawing the root twice shows the same thing.
 */
export async function runOutboxStep(
  slack: SlackPoster,
  entry: OutboxEntry,
  loaded: { record: AlertRecord; mute?: MuteRecord },
  now: Date,
): Promise<StepResult> {
  const { record } = loaded;
  const stepId = stepIdOf(record.alertId, entry.seq);
  const view = alertViewOf(record, loaded.mute, now);
  if (entry.step.kind === 'post-root') {
    if (record.ts) return { kind: 'done' };
    const found = entry.suspect ? await slack.findStepPost(record.channel, stepId, {}) : undefined;
    const posted = found ?? (await slack.postMessage(record.channel, renderAlertMessage(view), { stepId }));
    return { kind: 'done', rootTs: posted.ts };
  }
  if (!record.ts) return { kind: 'blocked' };
  if (entry.step.kind === 'update-root') {
    await slack.updateMessage(record.channel, record.ts, renderAlertMessage(view));
    return { kind: 'done' };
  }
  const threadTs = record.ts;
  const found = entry.suspect ? await slack.findStepPost(record.channel, stepId, { threadTs }) : undefined;
  if (!found)
    await slack.postMessage(record.channel, renderThreadReply(entry.step.reply, view), { threadTs, stepId });
  return { kind: 'done' };
}
