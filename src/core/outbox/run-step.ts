import { type OutboxEntry, stepIdOf } from '../../model/outbox.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import { shouldBroadcastReply } from '../../model/thread-reply.ts';
import { renderAlertMessage } from '../../render/alert-message.ts';
import { type AlertViewOptions, alertViewOf } from '../../render/alert-view-of.ts';
import { renderThreadReply } from '../../render/thread-reply.ts';
import { slackErrorCodeOf } from '../../slack/slack-errors.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import { type LookUpEnrichment, runEnrichStep } from './run-enrich-step.ts';

export type StepResult =
  /** `root`: the root message posted (or found), with the channel id Slack answered with. */
  | { kind: 'done'; root?: { channel: string; ts: string } }
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
  options: { viewOptions?: AlertViewOptions; lookUp?: LookUpEnrichment } = {},
): Promise<StepResult> {
  const { record } = loaded;
  const stepId = stepIdOf(record.alertId, entry.seq);
  const { viewOptions = {}, lookUp } = options;
  const view = alertViewOf(record, loaded.mute, now, viewOptions);
  if (entry.step.kind === 'post-root') {
    if (record.ts) return { kind: 'done' };
    const found = entry.suspect ? await findEarlierPost(slack, record.channel, stepId, {}) : undefined;
    if (found) return { kind: 'done', root: { channel: record.channel, ts: found.ts } };
    const posted = await slack.postMessage(record.channel, renderAlertMessage(view), { stepId });
    return { kind: 'done', root: posted };
  }
  if (!record.ts) return { kind: 'blocked' };
  if (entry.step.kind === 'enrich') {
    // No lookups in this process (none configured): the step has nothing to tell.
    if (!lookUp) return { kind: 'done' };
    const step = { ...entry, step: entry.step };
    return { kind: await runEnrichStep(slack, step, record, lookUp) };
  }
  const repost = () =>
    slack.postMessage(record.channel, renderAlertMessage(view), { stepId: `${stepId}:root` });
  if (entry.step.kind === 'update-root') {
    try {
      await slack.updateMessage(record.channel, record.ts, renderAlertMessage(view));
      return { kind: 'done' };
    } catch (error) {
      // The root was deleted (or the history lost, as a restarted sandbox's is): post it again, as it is now.
      if (!isRootGone(error)) throw error;
      return { kind: 'done', root: await repost() };
    }
  }
  const reply = renderThreadReply(entry.step.reply, view);
  const broadcast = shouldBroadcastReply(entry.step.reply);
  const threadTs = record.ts;
  const found = entry.suspect
    ? await findEarlierPost(slack, record.channel, stepId, { threadTs })
    : undefined;
  if (found) return { kind: 'done' };
  try {
    await slack.postMessage(record.channel, reply, { threadTs, stepId, broadcast });
    return { kind: 'done' };
  } catch (error) {
    if (!isRootGone(error)) throw error;
    const root = await repost();
    await slack.postMessage(root.channel, reply, { threadTs: root.ts, stepId, broadcast });
    return { kind: 'done', root };
  }
}

/** Slack's answer when the message a step needs is gone: a new root carries the alert on. */
function isRootGone(error: unknown): boolean {
  const code = slackErrorCodeOf(error);
  return code === 'message_not_found' || code === 'thread_not_found';
}

/**
 * Slack's history needs a channel id: a configured `#name` is only resolved by the first post (a post-root
 * that never reached Slack is then posted again). A lookup Slack refuses (a missing `channels:history` scope on
 * an older install) must not stop the alert: it is posted, at the risk of a duplicate after a crash.
 */
export async function findEarlierPost(
  slack: SlackPoster,
  channel: string,
  stepId: string,
  options: { threadTs?: string },
): Promise<{ ts: string } | undefined> {
  if (channel.startsWith('#')) return undefined;
  try {
    return await slack.findStepPost(channel, stepId, options);
  } catch {
    return undefined;
  }
}
