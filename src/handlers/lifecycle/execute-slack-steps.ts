import { renderAlertMessage } from '../../bot/blocks/alert-message.ts';
import { renderThreadReply } from '../../bot/blocks/thread-reply.ts';
import type { AlertRecord, MuteRecord } from '../../model/records.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { AlertStore } from '../../store/alert-store.ts';
import { alertViewOf } from './alert-view-of.ts';
import type { SlackStep } from './slack-steps.ts';

export interface StepExecutorDeps {
  alerts: AlertStore;
  slack: SlackPoster;
  now: () => Date;
  /** How long a thread reply waits for another delivery to post the root message. */
  rootWaitMs: number;
}

export class RootMessageMissingError extends Error {
  override name = 'RootMessageMissingError';
}

/** Runs a notification's remaining Slack steps in order, recording progress after each one. */
export async function executeSlackSteps(
  deps: StepExecutorDeps,
  job: { messageId: string; alertId: string; steps: SlackStep[]; stepsDone: number },
  /** The state this delivery just committed, which saves re-reading it for the first step. */
  committed?: LoadedAlert,
): Promise<void> {
  for (let index = job.stepsDone; index < job.steps.length; index++) {
    const known = index === job.stepsDone ? committed : undefined;
    await executeStep(deps, job.alertId, job.messageId, job.steps[index]!, known);
    await deps.alerts.markStepsDone(job.messageId, index + 1, index + 1 === job.steps.length);
  }
}

type LoadedAlert = { record?: AlertRecord; mute?: MuteRecord };

async function executeStep(
  deps: StepExecutorDeps,
  alertId: string,
  messageId: string,
  step: SlackStep,
  known?: LoadedAlert,
) {
  if (step.kind === 'post-root') return ensureRootPosted(deps, alertId, messageId, known);
  const { record, mute } = await waitForRoot(deps, alertId);
  const view = alertViewOf(record, mute, deps.now());
  if (step.kind === 'update-root') {
    return deps.slack.updateMessage(record.channel, record.ts!, renderAlertMessage(view));
  }
  await deps.slack.postMessage(record.channel, renderThreadReply(step.reply, view), record.ts);
}

/** Posts the root message unless it already is (a redelivery after the post but before the bookkeeping). */
async function ensureRootPosted(
  deps: StepExecutorDeps,
  alertId: string,
  messageId: string,
  known?: LoadedAlert,
): Promise<void> {
  const { record, mute } = known ?? (await deps.alerts.loadAlert(alertId));
  if (!record) throw new RootMessageMissingError(`alert ${alertId} has no record to post`);
  if (record.ts) return;
  if (record.rootClaimedBy !== messageId) {
    await waitForRoot(deps, alertId);
    return;
  }
  const posted = await deps.slack.postMessage(
    record.channel,
    renderAlertMessage(alertViewOf(record, mute, deps.now())),
  );
  await saveRootMessage(deps.alerts, alertId, posted, record);
}

/** Saves the root's ts: first on the version just read (the usual case), re-reading only on a conflict. */
async function saveRootMessage(
  alerts: AlertStore,
  alertId: string,
  posted: { channel: string; ts: string },
  lastRead: AlertRecord,
) {
  let record: AlertRecord | undefined = lastRead;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) record = (await alerts.loadAlert(alertId)).record;
    if (!record || record.ts) return;
    const next: AlertRecord = {
      ...record,
      ts: posted.ts,
      channel: posted.channel,
      version: record.version + 1,
    };
    if (await alerts.saveAlert(next, record.version)) return;
  }
  throw new Error(`could not record the root message of alert ${alertId}`);
}

/**
 * Waits for the delivery that claimed the root post to post it — but only while that delivery is at work
 * (holds its lease): after a failed post nobody is, and waiting would only keep SNS waiting too.
 */
async function waitForRoot(deps: StepExecutorDeps, alertId: string) {
  const deadline = Date.now() + deps.rootWaitMs;
  for (;;) {
    const loaded = await deps.alerts.loadAlert(alertId);
    if (loaded.record?.ts) return loaded as { record: AlertRecord & { ts: string }; mute?: MuteRecord };
    const poster = loaded.record?.rootClaimedBy;
    const posting = poster ? await deps.alerts.getNotification(poster) : undefined;
    const isPosting = posting?.status === 'pending' && posting.leaseUntil > deps.now().getTime();
    if (!isPosting || Date.now() >= deadline) {
      throw new RootMessageMissingError(`root message of alert ${alertId} is not posted yet`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
