import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetJobRunCommand, type GlueClient, type JobRun } from '@aws-sdk/client-glue';
import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import type { Enricher, EnrichmentLink, EnrichmentResult } from '../../model/enrichment.ts';
import { storedPayloadOf } from '../../model/stored-payload.ts';
import { lazy } from '../../util/lazy.ts';
import { errorName } from '../aws-errors.ts';
import { buildGlueRunUrl, buildLogStreamUrl } from '../console-links.ts';
import { reasonOf, unavailable, withinBudget } from './degrade.ts';

export interface GlueRunClients {
  glue: GlueClient;
  logs: CloudWatchLogsClient;
}

/** Both Glue events (`Glue Job State Change`, `Glue Job Run Status`) name the job and the run in `detail`. */
const glueEventIds = lazy(() =>
  z.looseObject({
    detail: z.looseObject({ jobName: z.string().min(1), jobRunId: z.string().min(1) }),
  }),
);

/** The run an alert is about: the rerunnable run when the parser kept one, else the event's own ids. */
export function glueRunOf(alert: NormalizedAlert): { jobName: string; jobRunId: string } | undefined {
  if (alert.source !== 'glue') return undefined;
  if (alert.glueRun) return alert.glueRun;
  const parsed = glueEventIds().safeParse(storedPayloadOf(alert.raw));
  return parsed.success ? parsed.data.detail : undefined;
}

/** Lines read from the end of the run's error log, of which only those that look like errors are shown. */
const logLinesRead = 20;
const errorLinesShown = 8;
const lineChars = 300;
const errorLike = /error|exception|traceback|fatal|failed|caused by/i;

/** GetJobRun, then the newest error lines of the run's log stream (the run id in the job's error group). */
export const lookupGlueRun: Enricher<GlueRunClients> = async (alert, clients, context) => {
  const run = glueRunOf(alert);
  if (!run || alert.state !== 'firing') return { kind: 'none' };
  const what = 'Glue run details';
  let jobRun: JobRun;
  try {
    const command = new GetJobRunCommand({ JobName: run.jobName, RunId: run.jobRunId });
    const output = await withinBudget(context.signal, (abortSignal) =>
      clients.glue.send(command, { abortSignal }),
    );
    jobRun = output.JobRun ?? {};
  } catch (error) {
    return unavailable(what, error, context.signal);
  }
  const logGroup = `${jobRun.LogGroupName ?? '/aws-glue/jobs'}/error`;
  const logLines = await readErrorLines(clients.logs, logGroup, run.jobRunId, context.signal);
  return describeRun(alert.region, run, jobRun, logGroup, logLines);
};

type LogLines = { ok: true; lines: string[] } | { ok: false; reason: string };

async function readErrorLines(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  logStreamName: string,
  signal: AbortSignal,
): Promise<LogLines> {
  try {
    const command = new GetLogEventsCommand({
      logGroupName,
      logStreamName,
      startFromHead: false,
      limit: logLinesRead,
    });
    const output = await withinBudget(signal, (abortSignal) => logs.send(command, { abortSignal }));
    return { ok: true, lines: pickErrorLines(output.events ?? []) };
  } catch (error) {
    // A run that wrote nothing to its error log has no stream there: nothing to show, not a failure.
    if (errorName(error) === 'ResourceNotFoundException') return { ok: true, lines: [] };
    return { ok: false, reason: reasonOf(error, signal) };
  }
}

/** The newest error-looking lines, oldest first as a log reads, each cut to one readable line. */
export function pickErrorLines(events: OutputLogEvent[]): string[] {
  return events
    .map((event) => (event.message ?? '').trim())
    .filter((message) => message !== '' && errorLike.test(message))
    .slice(-errorLinesShown)
    .map((message) => cutLine(message.split('\n')[0] ?? ''));
}

function cutLine(text: string): string {
  return text.length > lineChars ? `${text.slice(0, lineChars - 1)}…` : text;
}

function describeRun(
  region: string | undefined,
  run: { jobName: string; jobRunId: string },
  jobRun: JobRun,
  logGroup: string,
  logLines: LogLines,
): EnrichmentResult {
  const lines = [summaryLineOf(jobRun)];
  if (jobRun.ErrorMessage) lines.push(`Error: ${cutLine(jobRun.ErrorMessage)}`);
  if (!logLines.ok) lines.push(`log lines unavailable: ${logLines.reason}`);
  else if (logLines.lines.length > 0) lines.push(`Last error lines of ${logGroup}:`, ...logLines.lines);
  const links: EnrichmentLink[] = region
    ? [
        { text: 'Run in the Glue console', url: buildGlueRunUrl(region, run.jobName, run.jobRunId) },
        { text: 'Error log', url: buildLogStreamUrl(region, logGroup, run.jobRunId) },
      ]
    : [];
  return { kind: 'lines', title: `Glue run ${run.jobRunId}`, lines, ...(links.length ? { links } : {}) };
}

/** "FAILED · attempt 1 · ran 1 min 57 s · 10 × G.1X workers": what the run was, in one line. */
export function summaryLineOf(jobRun: JobRun): string {
  const parts = [
    jobRun.JobRunState,
    jobRun.Attempt === undefined ? undefined : `attempt ${jobRun.Attempt + 1}`,
    jobRun.ExecutionTime === undefined ? undefined : `ran ${formatSeconds(jobRun.ExecutionTime)}`,
    workersOf(jobRun),
  ];
  return parts.filter((part) => part !== undefined).join(' · ') || 'run details';
}

function workersOf(jobRun: JobRun): string | undefined {
  if (jobRun.NumberOfWorkers === undefined && !jobRun.WorkerType) return undefined;
  return `${jobRun.NumberOfWorkers ?? '?'} × ${jobRun.WorkerType ?? 'worker'} workers`;
}

export function formatSeconds(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round(total % 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}
