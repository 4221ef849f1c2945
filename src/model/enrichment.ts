import type { NormalizedAlert } from './alert.ts';

/**
 * The lookups Klaxon makes for an alert after it is posted. Each is one outbox step, run after the root
 * message exists, so SNS's answer and the alert's post never wait for AWS.
 */
export const EnrichmentKinds = [
  'metric-graph',
  'composite-children',
  'log-lines',
  'glue-run',
  'emr-step',
  'recent-changes',
] as const;
export type EnrichmentKind = (typeof EnrichmentKinds)[number];

export interface EnrichmentLink {
  text: string;
  url: string;
}

/** What one lookup found, ready to be told in the alert's thread. */
export type EnrichmentResult =
  /** A few lines (log lines, changes, a run's error) under a title, with links to see more. */
  | { kind: 'lines'; title: string; lines: string[]; links?: EnrichmentLink[] }
  /** A picture (the metric graph) uploaded into the thread. */
  | { kind: 'image'; title: string; altText: string; fileName: string; png: Uint8Array }
  /** The lookup failed, timed out or was denied: one quiet line, e.g. "graph unavailable: AccessDenied". */
  | { kind: 'unavailable'; what: string; reason: string }
  /** Nothing worth saying (no log lines matched, no changes in the hour): no reply at all. */
  | { kind: 'none' };

/** What a lookup may use; `signal` aborts it when its time budget is spent. */
export interface EnrichmentContext {
  now: Date;
  signal: AbortSignal;
}

/** One lookup: reads AWS for one alert and says what it found. Never throws for an AWS failure. */
export type Enricher<Clients> = (
  alert: NormalizedAlert,
  clients: Clients,
  context: EnrichmentContext,
) => Promise<EnrichmentResult>;
