import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { describeAwsError } from './aws-errors.ts';
import { buildAthenaQueryUrl } from './console-links.ts';
import { type Clock, pollUntil } from './poll.ts';
import { failQuery, type QueryOutcome, type QueryProgress } from './query-outcome.ts';

/** Where Athena runs and writes, from configuration. */
export interface AthenaConfig {
  region: string;
  workGroup: string;
  database: string;
  /** The table of CloudTrail logs (used by the templates). */
  table: string;
  /** Optional when the workgroup enforces its own output location. */
  outputLocation?: string;
  catalog?: string;
}

export interface AthenaDeps {
  athena: AthenaClient;
  clock: Clock;
}

export interface AthenaQueryRequest {
  queryString: string;
  /** Each one is read by Athena as an SQL literal: build them with `quoteSqlString`. */
  executionParameters: string[];
  maxRows: number;
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void | Promise<void>;
}

export interface AthenaQueryResult {
  queryExecutionId: string;
  columns: string[];
  rows: string[][];
  dataScannedBytes: number | undefined;
  /** More rows exist than were fetched. */
  truncated: boolean;
  consoleUrl: string;
}

const terminalStates = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export async function runAthenaQuery(
  deps: AthenaDeps,
  config: AthenaConfig,
  request: AthenaQueryRequest,
): Promise<QueryOutcome<AthenaQueryResult>> {
  let id: string | undefined;
  try {
    id = await startExecution(deps, config, request);
    return await waitAndFetch(deps, config, request, id);
  } catch (error) {
    if (id) await stopQuietly(deps, id);
    return failQuery('aws-error', describeAwsError(error, { action: 'run the Athena query' }));
  }
}

async function startExecution(deps: AthenaDeps, config: AthenaConfig, request: AthenaQueryRequest) {
  const started = await deps.athena.send(
    new StartQueryExecutionCommand({
      QueryString: request.queryString,
      ExecutionParameters: request.executionParameters.length > 0 ? request.executionParameters : undefined,
      QueryExecutionContext: { Database: config.database, Catalog: config.catalog },
      WorkGroup: config.workGroup,
      ResultConfiguration: config.outputLocation ? { OutputLocation: config.outputLocation } : undefined,
    }),
  );
  if (!started.QueryExecutionId) throw new Error('StartQueryExecution returned no QueryExecutionId');
  return started.QueryExecutionId;
}

async function waitAndFetch(
  deps: AthenaDeps,
  config: AthenaConfig,
  request: AthenaQueryRequest,
  id: string,
): Promise<QueryOutcome<AthenaQueryResult>> {
  const outcome = await pollUntil<QueryExecution>({
    check: async () =>
      (await deps.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution ?? {},
    isDone: (execution) => terminalStates.has(execution.Status?.State ?? ''),
    clock: deps.clock,
    deadline: request.deadline,
    signal: request.signal,
    onProgress: (execution, elapsedMs) => request.onProgress?.(toProgress(execution, elapsedMs)),
  });
  if (outcome.kind === 'cut-off') {
    await stopQuietly(deps, id);
    return failQuery(
      'deadline',
      `Stopped the Athena query after ${Math.round(outcome.elapsedMs / 60_000)} min.`,
    );
  }
  const execution = outcome.value;
  if (execution.Status?.State !== 'SUCCEEDED') return failFromExecution(execution);
  return { ok: true, value: await fetchRows(deps, config, request, id, execution) };
}

function failFromExecution(execution: QueryExecution) {
  const reason = execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage;
  if (execution.Status?.State === 'CANCELLED')
    return failQuery('cancelled', 'The Athena query was cancelled.');
  return failQuery('query-failed', `The Athena query failed: ${reason ?? 'no reason given'}`);
}

async function fetchRows(
  deps: AthenaDeps,
  config: AthenaConfig,
  request: AthenaQueryRequest,
  id: string,
  execution: QueryExecution,
): Promise<AthenaQueryResult> {
  // The first row of the first page is the header; ask for one more row to carry it.
  const maxResults = Math.min(1000, request.maxRows + 1);
  const page = await deps.athena.send(
    new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: maxResults }),
  );
  const [header, ...rows] = (page.ResultSet?.Rows ?? []).map((row) =>
    (row.Data ?? []).map((d) => d.VarCharValue ?? ''),
  );
  return {
    queryExecutionId: id,
    columns: header ?? page.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Name ?? '') ?? [],
    rows: rows.slice(0, request.maxRows),
    dataScannedBytes: execution.Statistics?.DataScannedInBytes,
    truncated: Boolean(page.NextToken) || rows.length > request.maxRows,
    consoleUrl: buildAthenaQueryUrl(config.region, id),
  };
}

function toProgress(execution: QueryExecution, elapsedMs: number): QueryProgress {
  return {
    state: execution.Status?.State ?? 'UNKNOWN',
    elapsedMs,
    bytesScanned: execution.Statistics?.DataScannedInBytes,
  };
}

/** Best effort: a query nobody waits for should stop scanning (Athena bills by bytes scanned). */
async function stopQuietly(deps: AthenaDeps, id: string): Promise<void> {
  try {
    await deps.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
  } catch {
    // Already finished: nothing to stop.
  }
}
