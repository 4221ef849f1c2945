import {
  DescribeMetricFiltersCommand,
  type FilteredLogEvent,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsClients } from '../../aws/aws-clients.ts';
import { buildLogsInsightsUrl } from '../../aws/console-links.ts';
import type { Enricher, EnrichmentResult } from '../../model/enrichment.ts';
import { readAlarmShape } from './alarm-trigger.ts';
import { reasonOf } from './look-up-enrichment.ts';

const shownLines = 5;
const maxPages = 3;
/** A line after the state change still belongs to it (the alarm evaluates a period late). */
const afterChangeMs = 60_000;

/**
 * The log lines behind an alarm on a log metric filter: the filter found by the alarm's metric
 * (DescribeMetricFilters), then the newest lines it matched in the alarm's evaluation window
 * (FilterLogEvents with the filter's pattern), with a link to the same window in Logs Insights.
 */
export const lookUpLogLines: Enricher<Pick<AwsClients, 'logs'>> = async (alert, clients, context) => {
  const shape = readAlarmShape(alert);
  if (shape?.kind !== 'metric') return { kind: 'none' };
  const options = { abortSignal: context.signal };
  try {
    const filters = await clients.logs.send(
      new DescribeMetricFiltersCommand({
        metricName: shape.metric.metricName,
        metricNamespace: shape.metric.namespace,
      }),
      options,
    );
    const filter = filters.metricFilters?.find((f) => f.logGroupName);
    if (!filter?.logGroupName) return { kind: 'none' };
    const changedAt = Date.parse(alert.occurredAt) || context.now.getTime();
    const windowMs = shape.period * 1000 * Math.max(1, shape.evaluationPeriods ?? 1);
    const window = { from: new Date(changedAt - windowMs), to: new Date(changedAt + afterChangeMs) };
    const pattern = filter.filterPattern ?? '';
    const events = await newestMatches(clients, { group: filter.logGroupName, pattern, ...window }, options);
    if (events.length === 0) return { kind: 'none' };
    return linesOf(events, { group: filter.logGroupName, pattern, region: alert.region, ...window });
  } catch (error) {
    return { kind: 'unavailable', what: 'log lines', reason: reasonOf(error) };
  }
};

interface Search {
  group: string;
  pattern: string;
  from: Date;
  to: Date;
}

/** FilterLogEvents answers oldest first: a few pages are read and their newest lines kept. */
async function newestMatches(
  clients: Pick<AwsClients, 'logs'>,
  search: Search,
  options: { abortSignal: AbortSignal },
): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await clients.logs.send(
      new FilterLogEventsCommand({
        logGroupName: search.group,
        filterPattern: search.pattern,
        startTime: search.from.getTime(),
        endTime: search.to.getTime(),
        limit: 50,
        ...(nextToken ? { nextToken } : {}),
      }),
      options,
    );
    events.push(...(answer.events ?? []));
    nextToken = answer.nextToken;
    if (!nextToken) break;
  }
  return events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0)).slice(-shownLines);
}

function linesOf(
  events: FilteredLogEvent[],
  search: Search & { region?: string | undefined },
): EnrichmentResult {
  const lines = events.map((event) => {
    const at = event.timestamp ? new Date(event.timestamp).toISOString() : '?';
    return `${at} ${(event.message ?? '').trim()}`;
  });
  const title = `Newest log lines matching ${search.pattern || 'the filter'} in ${search.group}`;
  if (!search.region) return { kind: 'lines', title, lines };
  const url = buildLogsInsightsUrl({
    region: search.region,
    logGroups: [search.group],
    query: insightsQueryOf(search.pattern),
    from: search.from,
    to: search.to,
  });
  return { kind: 'lines', title, lines, links: [{ text: 'Open in Logs Insights', url }] };
}

/** A plain term pattern becomes a `like` filter; other pattern syntaxes show the window unfiltered. */
export function insightsQueryOf(pattern: string): string {
  const term = pattern.trim().replace(/^"(.*)"$/, '$1');
  const filter = /^[\w.:-]+$/.test(term) ? `| filter @message like ${JSON.stringify(term)} ` : '';
  return `fields @timestamp, @message, @logStream ${filter}| sort @timestamp desc | limit 50`;
}
