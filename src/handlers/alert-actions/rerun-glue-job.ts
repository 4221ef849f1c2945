import { findLatestFailedRun } from '../../aws/glue-failed-run.ts';
import { rerunGlueJob } from '../../aws/glue-rerun.ts';
import { formatCode, formatUser } from '../../bot/blocks/mrkdwn.ts';
import type { AuditEntry } from '../../model/alert-change.ts';
import type { SlackUserRef } from '../../model/alert-view.ts';
import type { RerunLockRecord } from '../../model/records.ts';
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

/** A run id known: the lock, Glue and the thread all speak of this run. */
type ResolvedRerun = RerunInput & { jobRunId: string };

/** Rerun button (after Slack's confirm dialog): one Glue run per failed run, however many clicks. */
export function rerunFailedGlueJob(deps: AlertActionDeps, input: RerunInput) {
  const { alertId, actor, channel, jobName, jobRunId } = input;
  const params = { jobName, ...(jobRunId ? { jobRunId } : {}) };
  const request = { action: 'rerun' as const, alertId, actor, channel, params };
  return runAlertAction(deps, request, (audit) => startRerunOnce(deps, input, audit));
}

async function startRerunOnce(
  deps: AlertActionDeps,
  input: RerunInput,
  audit: AuditEntry,
): Promise<ActionOutcome> {
  const { record } = await deps.store.alerts.loadAlert(input.alertId);
  if (!record)
    return { result: 'failed', detail: 'alert not found', ephemeral: 'Klaxon no longer knows this alert.' };
  if (!isRerunAllowedFor(record, input.jobName, deps.config)) {
    const ephemeral = `This alert cannot rerun Glue job ${formatCode(input.jobName)}.`;
    return { result: 'failed', detail: 'job does not belong to this alert', ephemeral };
  }
  const target = await resolveFailedRun(deps, input);
  if ('result' in target) return target;
  const lock: RerunLockRecord = {
    jobName: target.jobName,
    jobRunId: target.jobRunId,
    by: target.actor,
    at: deps.now().toISOString(),
  };
  // The lock is taken before Glue is called: two concurrent clicks cannot both reach StartJobRun.
  const claim = await deps.store.rerunLocks.claimRerun(lock);
  if (!claim.claimed) return describeExistingRerun(claim.holder);
  return startAndRecord(deps, target, lock, audit);
}

/**
 * A mapped alarm names no run: its latest failed run is looked up at click time, so the lock (keyed on that
 * run) still makes one rerun of it however many people click, and a later failure may be rerun in turn.
 */
async function resolveFailedRun(
  deps: AlertActionDeps,
  input: RerunInput,
): Promise<ResolvedRerun | ActionOutcome> {
  if (input.jobRunId) return { ...input, jobRunId: input.jobRunId };
  const found = await findLatestFailedRun({ glue: deps.aws.glue, jobName: input.jobName });
  if (!found.ok) {
    return { result: 'failed', detail: `${found.reason}: ${found.message}`, ephemeral: found.message };
  }
  if (!found.jobRunId) {
    const ephemeral = `Glue job ${formatCode(input.jobName)} has no failed run to rerun: nothing was started.`;
    return { result: 'failed', detail: 'no failed run', ephemeral };
  }
  return { ...input, jobRunId: found.jobRunId };
}

async function startAndRecord(
  deps: AlertActionDeps,
  input: ResolvedRerun,
  lock: RerunLockRecord,
  audit: AuditEntry,
): Promise<ActionOutcome> {
  const started = await rerunGlueJob({
    glue: deps.aws.glue,
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
    { ...audit, detail },
  );
  const audited = applied === 'changed' || applied === 'changed-slack-behind';
  if (applied !== 'changed-slack-behind') return { result: 'ok', detail, audited };
  const ephemeral = `Glue run ${formatCode(started.newRunId)} started. ${slackBehindNote}`;
  return { result: 'ok', detail, ephemeral, audited };
}

function describeExistingRerun(holder: RerunLockRecord | undefined): ActionOutcome {
  const who = holder ? ` by ${formatUser(holder.by)}` : '';
  const run = holder?.newJobRunId ? `: run ${formatCode(holder.newJobRunId)}` : ' and is starting';
  return {
    result: 'ok',
    detail: `already rerun${holder?.newJobRunId ? ` as ${holder.newJobRunId}` : ''}`,
    ephemeral: `This failed run was already rerun${who}${run}.`,
  };
}
