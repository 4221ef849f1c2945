import {
  type CloudTrailClient,
  type LookupAttribute,
  LookupEventsCommand,
  type LookupEventsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { describeAwsError } from './aws-errors.ts';
import {
  chooseLookupAttribute,
  matchesTrailFilters,
  type TrailEventRow,
  type TrailFilters,
  toTrailEventRow,
} from './cloudtrail-events.ts';
import { type Clock, findStopReason } from './poll.ts';
import { failQuery, type QueryOutcome } from './query-outcome.ts';
import { callWithThrottleRetry, type RequestPacer } from './throttle.ts';

export const cloudTrailHistoryDays = 90;
const dayMs = 86_400_000;

export interface TrailLookupDeps {
  /** LookupEvents answers for the region of the client, so a region filter means another client. */
  cloudTrailFor: (region: string) => CloudTrailClient;
  /** Shared across commands: the 2 requests/second quota is per account and region, not per command. */
  pacer: RequestPacer;
  clock: Clock;
}

export interface TrailLookupRequest {
  filters: TrailFilters;
  region: string;
  from: Date;
  to: Date;
  /** Matching events to return. */
  maxEvents: number;
  /** Pages (of up to 50 events) to read at most, matching or not. */
  maxPages: number;
  deadline: number;
  signal?: AbortSignal;
}

export interface TrailLookupResult {
  events: TrailEventRow[];
  attribute: LookupAttribute | undefined;
  pagesRead: number;
  eventsScanned: number;
  /** More events may exist: the page cap, the event cap or the deadline stopped us. */
  truncated: boolean;
  cutOffByDeadline: boolean;
  region: string;
}

interface Progress {
  rows: TrailEventRow[];
  pagesRead: number;
  eventsScanned: number;
  nextToken: string | undefined;
}

export async function lookupTrailEvents(
  deps: TrailLookupDeps,
  request: TrailLookupRequest,
): Promise<QueryOutcome<TrailLookupResult>> {
  const oldest = deps.clock.now() - cloudTrailHistoryDays * dayMs;
  if (request.from.getTime() < oldest) {
    return failQuery(
      'invalid',
      `CloudTrail event history keeps only ${cloudTrailHistoryDays} days; for older events use \`/klaxon athena\`.`,
    );
  }
  const attribute = chooseLookupAttribute(request.filters);
  try {
    const progress = await readPages(deps, request, attribute);
    return { ok: true, value: summarize(request, attribute, progress, deps.clock) };
  } catch (error) {
    return failQuery('aws-error', describeAwsError(error, { action: 'look up CloudTrail events' }));
  }
}

async function readPages(
  deps: TrailLookupDeps,
  request: TrailLookupRequest,
  attribute: LookupAttribute | undefined,
): Promise<Progress> {
  const progress: Progress = { rows: [], pagesRead: 0, eventsScanned: 0, nextToken: undefined };
  const client = deps.cloudTrailFor(request.region);
  do {
    if (findStopReason(deps.clock, request.deadline, request.signal)) break;
    const page = await fetchPage(deps, client, request, attribute, progress.nextToken);
    const events = page.Events ?? [];
    progress.pagesRead += 1;
    progress.eventsScanned += events.length;
    progress.nextToken = page.NextToken;
    for (const event of events) {
      if (matchesTrailFilters(event, request.filters))
        progress.rows.push(toTrailEventRow(event, request.region));
    }
  } while (
    progress.nextToken &&
    progress.pagesRead < request.maxPages &&
    progress.rows.length < request.maxEvents
  );
  return progress;
}

async function fetchPage(
  deps: TrailLookupDeps,
  client: CloudTrailClient,
  request: TrailLookupRequest,
  attribute: LookupAttribute | undefined,
  nextToken: string | undefined,
): Promise<LookupEventsCommandOutput> {
  const command = new LookupEventsCommand({
    LookupAttributes: attribute ? [attribute] : undefined,
    StartTime: request.from,
    EndTime: request.to,
    MaxResults: 50,
    NextToken: nextToken,
  });
  return callWithThrottleRetry(
    async () => {
      // Every attempt, retries included, spends the shared quota, so each one waits its turn.
      await deps.pacer.waitTurn(`cloudtrail:${request.region}`);
      return client.send(command, { abortSignal: request.signal });
    },
    { clock: deps.clock, signal: request.signal },
  );
}

function summarize(
  request: TrailLookupRequest,
  attribute: LookupAttribute | undefined,
  progress: Progress,
  clock: Clock,
): TrailLookupResult {
  const cutOff = findStopReason(clock, request.deadline, request.signal) !== undefined;
  return {
    events: progress.rows.slice(0, request.maxEvents),
    attribute,
    pagesRead: progress.pagesRead,
    eventsScanned: progress.eventsScanned,
    truncated: Boolean(progress.nextToken) || progress.rows.length > request.maxEvents,
    cutOffByDeadline: cutOff && Boolean(progress.nextToken || progress.pagesRead === 0),
    region: request.region,
  };
}
