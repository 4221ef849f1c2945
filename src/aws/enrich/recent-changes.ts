import { type CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import * as z from 'zod';
import type { Enricher, EnrichmentResult } from '../../model/enrichment.ts';
import { lazy } from '../../util/lazy.ts';
import { type TrailEventRow, toTrailEventRow } from '../cloudtrail-events.ts';
import { buildCloudTrailResourceUrl } from '../console-links.ts';
import { reasonOf, withinBudget } from './degrade.ts';
import { resourceNamesOf } from './resource-names.ts';

export interface RecentChangesClients {
  cloudTrail: CloudTrailClient;
}

const windowMs = 60 * 60 * 1000;
const linesShown = 10;
const what = 'recent changes';

/** The `readOnly` flag of the event's own record; LookupEvents filters on one attribute only (the name). */
const recordFlags = lazy(() => z.looseObject({ readOnly: z.boolean().optional() }));

export function isReadOnlyEvent(event: Event): boolean {
  if (event.ReadOnly === 'true') return true;
  try {
    const parsed = recordFlags().safeParse(JSON.parse(event.CloudTrailEvent ?? '{}'));
    return parsed.success && parsed.data.readOnly === true;
  } catch {
    // An unreadable record is shown rather than hidden: a write we cannot classify may be the cause.
    return false;
  }
}

/** CloudTrail's write events on the alert's resources in the hour before it fired: who did what, when. */
export const lookupRecentChanges: Enricher<RecentChangesClients> = async (alert, clients, context) => {
  const names = resourceNamesOf(alert);
  if (names.length === 0) return { kind: 'none' };
  const end = windowEndOf(alert.occurredAt, context.now);
  const rows = new Map<string, TrailEventRow>();
  const failures: Array<{ name: string; reason: string }> = [];
  // One name at a time: LookupEvents allows 2 calls a second per account and region.
  for (const name of names) {
    if (context.signal.aborted) {
      failures.push({ name, reason: 'timed out' });
      continue;
    }
    try {
      const events = await lookupWrites(clients.cloudTrail, name, end, context.signal);
      for (const event of events) rows.set(event.EventId ?? '', toTrailEventRow(event, alert.region ?? ''));
    } catch (error) {
      failures.push({ name, reason: reasonOf(error, context.signal) });
    }
  }
  if (rows.size === 0 && failures.length === names.length)
    return { kind: 'unavailable', what, reason: failures[0]?.reason ?? 'error' };
  const notes = failures.map(({ name, reason }) => `changes to ${name} unavailable: ${reason}`);
  return describeChanges([...rows.values()], notes, names, alert.region);
};

function windowEndOf(occurredAt: string, now: Date): Date {
  const at = Date.parse(occurredAt);
  return Number.isNaN(at) ? now : new Date(Math.min(at, now.getTime()));
}

async function lookupWrites(client: CloudTrailClient, name: string, end: Date, signal: AbortSignal) {
  const command = new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: name }],
    StartTime: new Date(end.getTime() - windowMs),
    EndTime: end,
    MaxResults: 50,
  });
  const output = await withinBudget(signal, (abortSignal) => client.send(command, { abortSignal }));
  return (output.Events ?? []).filter((event) => !isReadOnlyEvent(event));
}

function describeChanges(
  rows: TrailEventRow[],
  failures: string[],
  names: string[],
  region: string | undefined,
): EnrichmentResult {
  if (rows.length === 0 && failures.length === 0) return { kind: 'none' };
  const newestFirst = rows.sort((a, b) => (b.time?.getTime() ?? 0) - (a.time?.getTime() ?? 0));
  const lines = newestFirst.slice(0, linesShown).map(describeChange);
  if (rows.length > linesShown) lines.push(`… and ${rows.length - linesShown} more`);
  lines.push(...failures);
  const links = region
    ? names.map((name) => ({ text: `CloudTrail: ${name}`, url: buildCloudTrailResourceUrl(region, name) }))
    : [];
  const title = `Changes in the hour before the alert (${names.join(', ')})`;
  return { kind: 'lines', title, lines, ...(links.length ? { links } : {}) };
}

/** "19:32 UTC · ModifyDBInstance (rds.amazonaws.com) by alice", and the error when the call failed. */
export function describeChange(row: TrailEventRow): string {
  const when = row.time ? `${row.time.toISOString().slice(11, 16)} UTC` : 'time unknown';
  const source = row.eventSource ? ` (${row.eventSource})` : '';
  const failed = row.errorCode ? ` — failed: ${row.errorCode}` : '';
  return `${when} · ${row.eventName ?? 'unknown call'}${source} by ${row.user ?? 'unknown'}${failed}`;
}
