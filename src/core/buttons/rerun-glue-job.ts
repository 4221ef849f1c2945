import type { GlueClient } from '@aws-sdk/client-glue';
import { findLatestFailedRun } from '../../aws/glue-failed-run.ts';
import { rerunGlueJob } from '../../aws/glue-rerun.ts';
import type { AuditWrite } from '../../model/alert-change.ts';
import type { SlackUserRef } from '../../model/alert-view.ts';
import type { RerunLockRecord } from '../../model/records.ts';
import { formatCode, formatUser } from '../../render/mrkdwn.ts';
import type { AlertSnapshot } from '../../store/alert-store.ts';
import { pollWithDeadline } from '../../util/poll-with-deadline.ts';
import type { AlertActionDeps } from './action-deps.ts';
import { applyAlertChange, slackBehindNote } from './apply-alert-change.ts';
import { decideRerunStarted, isRerunAllowedFor } from './decide-rerun.ts';
import { type ActionOutcome, runAlertAction } from './run-alert-action.ts';

export interface RerunInput {
  alertId: string;
  actor: SlackUserRef;
  channel?: string;
  jobName: string;
  /** The failed run to start again; absent for an alarm mapped to the job: its latest failed run. */
  jobRunId?: string;
}

/** The Glue client of the alert's region: a job lives in the region its event came from. */
type RegionalRerun = RerunInput & { glue: GlueClient };

/** A run id known: the lock, Glue and the thread all speak of this run; `read`: the alert as the click read it. */
type ResolvedRerun = RegionalRerun & { jobRunId: string; read: AlertSnapshot };

/** How long a click that finds the lock held waits for the holder's outcome (StartJobRun takes ~1 s). */
export const holderWaitMs = 6_000;

/** Rerun button (after Slack's confirm dialog): one Glue run per failed run, however many clicks. */
export function rerunFailedGlueJob(
  deps: AlertActionDeps,
  input: RerunInput,
  options: { holderWaitMs?: number } = {},
) {
  const { alertId, actor, channel, jobName, jobRunId } = input;
  const params = { jobName, ...(jobRunId ? { jobRunId } : {}) };
  const request = { action: 'rerun' as const, alertId, actor, channel, params };
  return runAlertAction(deps, request, (audit) => startRerunOnce(deps, input, audit, options));
}

async function startRerunOnce(
  deps: AlertActionDeps,
  input: RerunInput,
  audit: AuditWrite,
  options: { holderWaitMs?: number },
): Promise<ActionOutcome> {
  const read = await deps.store.alerts.loadAlert(input.alertId);
  const { record } = read;
  if (!record)
    return { result: 'failed', detail: 'alert not found', ephemeral: 'Klaxon no longer knows this alert.' };
  if (!isRerunAllowedFor(record, input.jobName, deps.config)) {
    const ephemeral = `This alert cannot rerun Glue job ${formatCode(input.jobName)}.`;
    return { result: 'failed', detail: 'job does not belong to this alert', ephemeral };
  }
  const glue = deps.aws.in(record.alert.region).glue;
  const target = await resolveFailedRun({ ...input, glue }, read);
  if ('result' in target) return target;
  return claimOrFollow(deps, target, deps.now().getTime() + (options.holderWaitMs ?? holderWaitMs), audit);
}

/**
 * The lock is taken before Glue is called: two concurrent clicks cannot both reach StartJobRun. A click that
 * finds it held by a rerun still starting waits for that outcome and reports it; if the holder's attempt
 * failed (and freed the lock), this click tries in turn. Nobody is told of a run that did not start.
 */
async function claimOrFollow(
  deps: AlertActionDeps,
  target: ResolvedRerun,
  deadline: number,
  audit: AuditWrite,
): Promise<ActionOutcome> {
  for (;;) {
    const lock: RerunLockRecord = {
      jobName: target.jobName,
      jobRunId: target.jobRunId,
      by: target.actor,
      at: deps.now().toISOString(),
    };
    const claim = await deps.store.rerunLocks.claimRerun(lock);
    if (claim.claimed) return startAndRecord(deps, target, lock, audit);
    const settled = claim.holder?.newJobRunId
      ? { holder: claim.holder }
      : await waitForHolder(deps, target, deadline);
    if (!settled) return describeUnconfirmedRerun(claim.holder);
    if (settled.holder?.newJobRunId) return describeExistingRerun(settled.holder, settled.holder.newJobRunId);
    // The holder's attempt failed and freed the lock: claim it again.
  }
}

/** Resolves with the lock once its run has started or it is gone; undefined if neither by the deadline. */
function waitForHolder(deps: AlertActionDeps, target: ResolvedRerun, deadline: number) {
  return pollWithDeadline(
    async () => ({ holder: await deps.store.rerunLocks.readRerun(target.jobName, target.jobRunId) }),
    (read): read is { holder: RerunLockRecord | undefined } =>
      !read.holder || Boolean(read.holder.newJobRunId),
    { timeoutMs: Math.max(0, deadline - deps.now().getTime()), intervalMs: 100 },
  );
}

/**
 * A mapped alarm names no run: its latest failed run is looked up at click time, so the lock (keyed on that
 * run) still makes one rerun of it however many people click, and a later failure may be rerun in turn.
 */
async function resolveFailedRun(
  input: RegionalRerun,
  read: AlertSnapshot,
): Promise<ResolvedRerun | ActionOutcome> {
  if (input.jobRunId) return { ...input, jobRunId: input.jobRunId, read };
  const found = await findLatestFailedRun({ glue: input.glue, jobName: input.jobName });
  if (!found.ok) {
    return { result: 'failed', detail: `${found.reason}: ${found.message}`, ephemeral: found.message };
  }
  if (!found.jobRunId) {
    const ephemeral = `Glue job ${formatCode(input.jobName)} has no failed run to rerun: nothing was started.`;
    return { result: 'failed', detail: 'no failed run', ephemeral };
  }
  return { ...input, jobRunId: found.jobRunId, read };
}

async function startAndRecord(
  deps: AlertActionDeps,
  input: ResolvedRerun,
  lock: RerunLockRecord,
  audit: AuditWrite,
): Promise<ActionOutcome> {
  const started = await rerunGlueJob({
    glue: input.glue,
    jobName: input.jobName,
    jobRunId: input.jobRunId,
  });
  if (!started.ok) {
    // Nothing was started: free the lock so that a later click (after the cause is fixed) may try again.
    await deps.store.rerunLocks.releaseRerun(input.jobName, input.jobRunId);
    return { result: 'failed', detail: `${started.reason}: ${started.message}`, ephemeral: started.message };
  }
  await deps.store.rerunLocks.completeRerun({ ...lock, newJobRunId: started.newRunId });
  const rerun = { by: input.actor, jobName: input.jobName, jobRunId: started.newRunId };
  const detail = `started run ${started.newRunId} from failed run ${input.jobRunId}`;
  const applied = await applyAlertChange(
    deps,
    input.alertId,
    (loaded, now) => decideRerunStarted(loaded, rerun, now),
    { ...audit, entry: { ...audit.entry, detail } },
    input.read,
  );
  const audited = applied === 'changed' || applied === 'changed-slack-behind';
  if (applied !== 'changed-slack-behind') return { result: 'ok', detail, audited };
  const ephemeral = `Glue run ${formatCode(started.newRunId)} started. ${slackBehindNote}`;
  return { result: 'ok', detail, ephemeral, audited };
}

function describeExistingRerun(holder: RerunLockRecord, newJobRunId: string): ActionOutcome {
  return {
    result: 'ok',
    detail: `already rerun as ${newJobRunId}`,
    ephemeral: `This failed run was already rerun by ${formatUser(holder.by)}: run ${formatCode(newJobRunId)}.`,
  };
}

/** This click started nothing and cannot say that anything started: not a success. */
function describeUnconfirmedRerun(holder: RerunLockRecord | undefined): ActionOutcome {
  const who = holder ? ` by ${formatUser(holder.by)}` : '';
  return {
    result: 'failed',
    detail: `not started: a rerun${holder ? ` by ${holder.by.userId}` : ''} is still starting, outcome unknown`,
    ephemeral:
      `A rerun of this failed run${who} is still starting and Klaxon could not confirm it yet; ` +
      'nothing was started by your click. The thread will say when a run starts; click again if it does not.',
  };
}
