import type { AthenaQueryResult } from '../aws/athena-query.ts';
import type { TrailEventRow } from '../aws/cloudtrail-events.ts';
import type { TrailLookupResult } from '../aws/cloudtrail-lookup.ts';
import type { LogsQueryResult } from '../aws/logs-insights.ts';
import type { FailureReason, QueryFailure, QueryProgress } from '../aws/query-outcome.ts';
import type { ParsedCommand, UsageError } from '../model/klaxon-command.ts';
import { klaxonUsage } from './klaxon-usage.ts';
import {
  buildMessage,
  context,
  escapeCode,
  escapeMrkdwn,
  formatBytes,
  formatElapsed,
  formatTableLines,
  formatTime,
  type SlackMessage,
  section,
  truncate,
} from './query-results-format.ts';

export type { SlackMessage } from './query-results-format.ts';

/** Filter names as the user typed them, so the title echoes the command. */
const trailOptionNames: Record<string, string> = {
  user: 'user',
  eventName: 'event',
  resource: 'resource',
  eventSource: 'source',
  readOnly: 'readonly',
};

/** A one-line title for a query command: what was asked and over which time range. */
export function describeQueryCommand(command: ParsedCommand): string {
  if (command.kind === 'trail') {
    const filters = Object.entries(command.filters).map(([k, v]) => `${trailOptionNames[k] ?? k}=${v}`);
    const region = command.region ? [`region=${command.region}`] : [];
    return `CloudTrail ${[...filters, ...region].join(' ') || 'all events'} · ${describeRange(command.range)}`;
  }
  if (command.kind === 'athena') {
    const asked = [command.template, command.value].filter(Boolean).join(' ');
    return `Athena ${asked} · ${describeRange(command.range)}`;
  }
  if (command.kind === 'logs') return `Logs Insights ${command.target} · ${describeRange(command.range)}`;
  return `/klaxon ${command.kind}`;
}

function describeRange(range: { from: Date; to: Date }): string {
  return `${formatTime(range.from)} → ${formatTime(range.to)}`;
}

function trailLine(event: TrailEventRow): string {
  const parts = [
    `\`${formatTime(event.time)}\``,
    `*${escapeMrkdwn(event.eventName ?? '?')}*`,
    `\`${escapeCode(truncate(event.user ?? '?', 60))}\``,
    event.resources.length > 0
      ? `on \`${escapeCode(truncate(event.resources.join(', '), 120))}\``
      : undefined,
    event.sourceIp ? `from ${escapeMrkdwn(truncate(event.sourceIp, 60))}` : undefined,
    event.errorCode ? `:x: ${escapeMrkdwn(truncate(event.errorCode, 60))}` : undefined,
    event.consoleUrl ? `<${event.consoleUrl}|open>` : undefined,
  ];
  return `• ${parts.filter(Boolean).join(' · ')}`;
}

export function renderTrailResult(result: TrailLookupResult, title: string): SlackMessage {
  const count = result.events.length;
  const notes = [
    `${count} event${count === 1 ? '' : 's'} from ${result.eventsScanned} scanned in ${result.pagesRead} page(s), ${result.region}` +
      (result.attribute
        ? ` · looked up by ${result.attribute.AttributeKey}, other filters applied by Klaxon`
        : ''),
  ];
  if (result.cutOffByDeadline)
    notes.push(':hourglass: Stopped at the time limit; the list may be incomplete.');
  else if (result.truncated)
    notes.push('More events exist: narrow the filters or the time range to see them.');
  return buildMessage({
    text: `${title}: ${count} event${count === 1 ? '' : 's'}`,
    title: `*${escapeMrkdwn(title)}*`,
    lines: count > 0 ? result.events.map(trailLine) : ['_No matching events._'],
    monospace: false,
    footer: notes,
  });
}

export function renderAthenaResult(result: AthenaQueryResult, title: string): SlackMessage {
  const notes = [
    `${result.rows.length} row(s)${result.truncated ? ' (first rows only)' : ''} · ${formatBytes(result.dataScannedBytes)} scanned · <${result.consoleUrl}|Open in the Athena console>`,
  ];
  const lines = result.rows.length > 0 ? formatTableLines(result.columns, result.rows) : [];
  return buildMessage({
    text: `${title}: ${result.rows.length} row(s), ${formatBytes(result.dataScannedBytes)} scanned`,
    title: `*${escapeMrkdwn(title)}*${result.rows.length === 0 ? '\n_No rows._' : ''}`,
    lines,
    monospace: true,
    footer: notes,
  });
}

export function renderLogsResult(result: LogsQueryResult, title: string): SlackMessage {
  const stats = result.statistics;
  const notes = [
    `${stats.recordsMatched ?? 0} matched · ${stats.recordsScanned ?? 0} records / ${formatBytes(stats.bytesScanned)} scanned · <${result.consoleUrl}|Open in Logs Insights>`,
  ];
  const rows = result.rows.map((row) => result.fields.map((field) => row[field] ?? ''));
  return buildMessage({
    text: `${title}: ${result.rows.length} row(s)`,
    title: `*${escapeMrkdwn(title)}*${rows.length === 0 ? '\n_No matching log events._' : ''}`,
    lines: rows.length > 0 ? formatTableLines(result.fields, rows) : [],
    monospace: true,
    footer: notes,
  });
}

/** "Running… 12 s, 3.2 MB scanned" while a query is in flight (sent through response_url, replaced later). */
export function renderQueryProgress(title: string, progress: QueryProgress): SlackMessage {
  const scanned =
    progress.bytesScanned === undefined ? '' : `, ${formatBytes(progress.bytesScanned)} scanned`;
  const line = `:hourglass_flowing_sand: Running… ${formatElapsed(progress.elapsedMs)}${scanned}`;
  return { text: `${title}: ${line}`, blocks: [section(`*${escapeMrkdwn(title)}*\n${line}`)] };
}

const failureEmoji: Record<FailureReason, string> = {
  invalid: ':no_entry_sign:',
  'aws-error': ':warning:',
  'query-failed': ':x:',
  cancelled: ':octagonal_sign:',
  'timed-out': ':hourglass:',
  deadline: ':hourglass:',
};

export function renderQueryFailure(title: string, failure: QueryFailure): SlackMessage {
  const line = `${failureEmoji[failure.reason]} ${escapeMrkdwn(failure.message)}`;
  return { text: `${title}: ${failure.message}`, blocks: [section(`*${escapeMrkdwn(title)}*\n${line}`)] };
}

export function renderUsageError(error: UsageError): SlackMessage {
  return {
    text: error.message,
    blocks: [
      section(`:question: ${escapeMrkdwn(error.message)}`),
      section(error.usage),
      context('`/klaxon help` lists every subcommand.'),
    ],
  };
}

export function renderHelp(): SlackMessage {
  return { text: 'Klaxon commands', blocks: [section(klaxonUsage())] };
}
