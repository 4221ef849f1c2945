import {
  type CloudWatchLogsClient,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  type QueryStatistics,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { describeAwsError } from './aws-errors.ts';
import { buildLogsInsightsUrl } from './console-links.ts';
import { type Clock, pollUntil } from './poll.ts';
import { failQuery, type QueryOutcome, type QueryProgress } from './query-outcome.ts';

export const defaultLogsQuery =
  'fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 20';

/** Alias → one or more log group names or ARNs, from configuration. */
export type LogGroupAliases = Readonly<Record<string, string | readonly string[]>>;

const logGroupNamePattern = /^[\w.\-/#]{1,512}$/;
const logGroupArnPattern = /^arn:aws[\w-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w.\-/#]{1,512}(:\*)?$/;

/** An alias wins over a literal name; anything else must look like a log group name or ARN. */
export function resolveLogGroups(nameOrAlias: string, aliases: LogGroupAliases): string[] | undefined {
  const aliased = aliases[nameOrAlias];
  if (aliased !== undefined) return typeof aliased === 'string' ? [aliased] : [...aliased];
  const valid = logGroupNamePattern.test(nameOrAlias) || logGroupArnPattern.test(nameOrAlias);
  return valid ? [nameOrAlias] : undefined;
}

export interface LogsQueryDeps {
  logs: CloudWatchLogsClient;
  clock: Clock;
  /** Region of the client; used for the console link. */
  region: string;
}

export interface LogsQueryRequest {
  logGroups: string[];
  query: string;
  from: Date;
  to: Date;
  /** Rows AWS should return at most (the query's own `limit` still applies). */
  limit?: number;
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void | Promise<void>;
}

export interface LogsQueryResult {
  queryId: string;
  /** Field names in first-seen order, `@ptr` left out (an internal pointer, useless in chat). */
  fields: string[];
  rows: Array<Record<string, string>>;
  statistics: QueryStatistics;
  consoleUrl: string;
}

const terminalStatuses = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);

export async function runLogsInsightsQuery(
  deps: LogsQueryDeps,
  request: LogsQueryRequest,
): Promise<QueryOutcome<LogsQueryResult>> {
  const consoleUrl = buildLogsInsightsUrl({ region: deps.region, ...request });
  const resource = `log group ${request.logGroups.join(', ')}`;
  let queryId: string | undefined;
  try {
    queryId = await startQuery(deps, request);
    return await waitForResults(deps, request, queryId, consoleUrl);
  } catch (error) {
    if (queryId) await stopQuietly(deps, queryId);
    return failQuery(
      'aws-error',
      describeAwsError(error, { action: 'run the Logs Insights query', resource }),
    );
  }
}

async function startQuery(deps: LogsQueryDeps, request: LogsQueryRequest): Promise<string> {
  // ARNs (cross-account observability) go in logGroupIdentifiers; plain names in logGroupNames.
  const useIdentifiers = request.logGroups.some((group) => group.startsWith('arn:'));
  const started = await deps.logs.send(
    new StartQueryCommand({
      logGroupNames: useIdentifiers ? undefined : request.logGroups,
      logGroupIdentifiers: useIdentifiers ? request.logGroups : undefined,
      startTime: Math.floor(request.from.getTime() / 1000),
      endTime: Math.ceil(request.to.getTime() / 1000),
      queryString: request.query,
      limit: request.limit,
    }),
  );
  if (!started.queryId) throw new Error('StartQuery returned no queryId');
  return started.queryId;
}

async function waitForResults(
  deps: LogsQueryDeps,
  request: LogsQueryRequest,
  queryId: string,
  consoleUrl: string,
): Promise<QueryOutcome<LogsQueryResult>> {
  const outcome = await pollUntil<GetQueryResultsCommandOutput>({
    check: () => deps.logs.send(new GetQueryResultsCommand({ queryId })),
    isDone: (response) => terminalStatuses.has(response.status ?? 'Unknown'),
    clock: deps.clock,
    deadline: request.deadline,
    signal: request.signal,
    onProgress: (response, elapsedMs) => request.onProgress?.(toProgress(response, elapsedMs)),
  });
  if (outcome.kind === 'cut-off') {
    await stopQuietly(deps, queryId);
    return failQuery(
      'deadline',
      `Stopped the Logs Insights query after ${formatSeconds(outcome.elapsedMs)}.`,
    );
  }
  const response = outcome.value;
  if (response.status !== 'Complete') return failFromStatus(response.status);
  return {
    ok: true,
    value: { queryId, ...toRows(response), statistics: response.statistics ?? {}, consoleUrl },
  };
}

function failFromStatus(status: string | undefined) {
  if (status === 'Timeout')
    return failQuery(
      'timed-out',
      'The Logs Insights query timed out: narrow the time range or the log groups.',
    );
  if (status === 'Cancelled') return failQuery('cancelled', 'The Logs Insights query was cancelled.');
  return failQuery('query-failed', `The Logs Insights query ended with status ${status ?? 'Unknown'}.`);
}

function toRows(response: GetQueryResultsCommandOutput) {
  const fields: string[] = [];
  const rows = (response.results ?? []).map((resultFields) => {
    const row: Record<string, string> = {};
    for (const { field, value } of resultFields) {
      if (!field || field === '@ptr') continue;
      if (!fields.includes(field)) fields.push(field);
      row[field] = value ?? '';
    }
    return row;
  });
  return { fields, rows };
}

function toProgress(response: GetQueryResultsCommandOutput, elapsedMs: number): QueryProgress {
  return {
    state: response.status ?? 'Unknown',
    elapsedMs,
    bytesScanned: response.statistics?.bytesScanned,
    recordsScanned: response.statistics?.recordsScanned,
  };
}

/** Best effort: a query we no longer wait for should not keep scanning (and counting against the quota). */
async function stopQuietly(deps: LogsQueryDeps, queryId: string): Promise<void> {
  try {
    await deps.logs.send(new StopQueryCommand({ queryId }));
  } catch {
    // Already finished or never started: nothing left to stop.
  }
}

function formatSeconds(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}
