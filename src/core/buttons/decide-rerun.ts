import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { SlackUserRef } from '../../model/alert-view.ts';
import type { AlertRecord } from '../../model/records.ts';
import { type AlertChange, bumpVersion, changeWithReplies, type LoadedAlert } from './alert-change.ts';

export interface StartedRerun {
  by: SlackUserRef;
  jobName: string;
  /** The new run Glue started. */
  jobRunId: string;
}

/** Records a started rerun on the alert (shown on the root) and tells the thread; once per new run. */
export function decideRerunStarted(
  { record }: LoadedAlert,
  rerun: StartedRerun,
  now: Date,
): AlertChange | undefined {
  if (record.reruns.some((known) => known.jobRunId === rerun.jobRunId)) return undefined;
  const at = now.toISOString();
  const entry = { ...rerun.by, jobName: rerun.jobName, jobRunId: rerun.jobRunId, at };
  return changeWithReplies(bumpVersion(record, { reruns: [...record.reruns, entry] }), [
    { kind: 'rerun-started', by: rerun.by, at, jobName: rerun.jobName, jobRunId: rerun.jobRunId },
  ]);
}

/**
 * A button may only rerun the job this alert is about: the failed Glue job itself, or the job the
 * configuration maps the alarm to. The value comes from our own message, but a stale or crafted one must
 * not start an unrelated job.
 */
export function isRerunAllowedFor(record: AlertRecord, jobName: string, config: KlaxonConfig): boolean {
  if (record.alert.source === 'glue') return record.alert.name === jobName;
  if (record.alert.source !== 'cloudwatch-alarm') return false;
  return Object.hasOwn(config.glue.alarmJobs, record.alert.name)
    ? config.glue.alarmJobs[record.alert.name] === jobName
    : false;
}
