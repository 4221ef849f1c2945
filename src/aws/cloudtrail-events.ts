import type { Event, LookupAttribute, LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import * as z from 'zod';
import type { TrailFilters } from '../model/klaxon-command.ts';
import { lazy } from '../util/lazy.ts';

export type { TrailFilters };

/** One row of the compact list. */
export interface TrailEventRow {
  eventId: string;
  time: Date | undefined;
  user: string | undefined;
  eventName: string | undefined;
  eventSource: string | undefined;
  resources: string[];
  sourceIp: string | undefined;
  errorCode: string | undefined;
  region: string;
  consoleUrl: string | undefined;
}

/**
 * LookupEvents takes one attribute per call, so we send the one likely to match the fewest events and
 * filter the rest ourselves. Resource names are the narrowest, read-only the broadest.
 */
const selectivity: ReadonlyArray<[keyof TrailFilters, LookupAttributeKey]> = [
  ['resource', 'ResourceName'],
  ['user', 'Username'],
  ['eventName', 'EventName'],
  ['eventSource', 'EventSource'],
  ['readOnly', 'ReadOnly'],
];

export function chooseLookupAttribute(filters: TrailFilters): LookupAttribute | undefined {
  for (const [field, key] of selectivity) {
    const value = filters[field];
    if (value !== undefined) return { AttributeKey: key, AttributeValue: String(value) };
  }
  return undefined;
}

/** Applies every filter locally (including the one sent to AWS: cheap, and it keeps this function total). */
export function matchesTrailFilters(event: Event, filters: TrailFilters): boolean {
  if (filters.user !== undefined && event.Username?.toLowerCase() !== filters.user.toLowerCase())
    return false;
  if (filters.eventName !== undefined && event.EventName !== filters.eventName) return false;
  if (filters.eventSource !== undefined && event.EventSource !== filters.eventSource) return false;
  if (filters.readOnly !== undefined && event.ReadOnly !== String(filters.readOnly)) return false;
  if (filters.resource !== undefined) {
    return (event.Resources ?? []).some((resource) => resource.ResourceName === filters.resource);
  }
  return true;
}

/** The few fields of the `CloudTrailEvent` JSON string that LookupEvents does not lift to the top level. */
const cloudTrailRecord = lazy(() =>
  z.looseObject({
    sourceIPAddress: z.string().optional(),
    errorCode: z.string().optional(),
    awsRegion: z.string().optional(),
  }),
);

function readRecord(json: string | undefined): z.infer<ReturnType<typeof cloudTrailRecord>> {
  if (!json) return {};
  try {
    const parsed = cloudTrailRecord().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    // A record we cannot read still has a time, a user and a name worth showing.
    return {};
  }
}

export function toTrailEventRow(event: Event, lookupRegion: string): TrailEventRow {
  const record = readRecord(event.CloudTrailEvent);
  const region = record.awsRegion ?? lookupRegion;
  const eventId = event.EventId ?? '';
  return {
    eventId,
    time: event.EventTime,
    user: event.Username,
    eventName: event.EventName,
    eventSource: event.EventSource,
    resources: (event.Resources ?? []).flatMap((r) => (r.ResourceName ? [r.ResourceName] : [])),
    sourceIp: record.sourceIPAddress,
    errorCode: record.errorCode,
    region,
    consoleUrl: eventId ? buildCloudTrailEventUrl(region, eventId) : undefined,
  };
}

/** Commercial partition only: China and GovCloud consoles live on other domains. */
export function buildCloudTrailEventUrl(region: string, eventId: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/cloudtrailv2/home?region=${r}#/events/${encodeURIComponent(eventId)}`;
}
