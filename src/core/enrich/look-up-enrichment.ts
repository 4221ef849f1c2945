import type { Clock } from '../../aws/poll.ts';
import type { NormalizedAlert } from '../../model/alert.ts';
import type { Enricher, EnrichmentKind, EnrichmentResult } from '../../model/enrichment.ts';
import type { EnrichmentCache } from './enrichment-cache.ts';

/** Enrichers by kind; a kind without one is not planned (the registry may be partial). */
export type EnrichmentRegistry<Clients> = Partial<Record<EnrichmentKind, Enricher<Clients>>>;

/** What running a lookup needs; one per process, built by the composition root. */
export interface EnrichmentLookup<Clients = unknown> {
  registry: EnrichmentRegistry<Clients>;
  clients: Clients;
  /**
   * The clients to look an alert up with: those of its region (a log group, a job run, an alarm answer only
   * in their own region). `clients` when absent.
   */
  clientsFor?: (alert: NormalizedAlert) => Clients;
  /** Each lookup's time budget. */
  budgetMs: number;
  cache: EnrichmentCache;
  clock: Clock;
  /** A signal that aborts when the budget is spent (tests pass one they abort by hand). */
  budgetSignal?: (ms: number) => AbortSignal;
}

/** How each lookup is named in its "… unavailable: reason" line. */
export const enrichmentNames: Record<EnrichmentKind, string> = {
  'metric-graph': 'graph',
  'composite-children': 'child alarms',
  'log-lines': 'log lines',
  'glue-run': 'Glue run',
  'emr-step': 'EMR step',
  'recent-changes': 'recent changes',
};

/**
 * Runs one lookup under its time budget and answers what to tell; never throws. A lookup that fails, is
 * denied or outlives its budget is one quiet line; the same lookup (kind, alert, state, occurrence) within
 * the cache's time is answered from the cache.
 */
export function lookUpEnrichment<Clients>(
  lookup: EnrichmentLookup<Clients>,
  kind: EnrichmentKind,
  alert: NormalizedAlert,
): Promise<EnrichmentResult> {
  const enricher = lookup.registry[kind];
  if (!enricher) return Promise.resolve({ kind: 'none' });
  const key = [kind, alert.key, alert.state, alert.occurrence ?? ''].join('|');
  return lookup.cache.remember(key, () => runWithinBudget(lookup, kind, enricher, alert));
}

async function runWithinBudget<Clients>(
  lookup: EnrichmentLookup<Clients>,
  kind: EnrichmentKind,
  enricher: Enricher<Clients>,
  alert: NormalizedAlert,
): Promise<EnrichmentResult> {
  const what = enrichmentNames[kind];
  const signal = (lookup.budgetSignal ?? AbortSignal.timeout)(lookup.budgetMs);
  const spent = new Promise<EnrichmentResult>((resolve) => {
    const timedOut = () => resolve({ kind: 'unavailable', what, reason: 'timed out' });
    if (signal.aborted) timedOut();
    else signal.addEventListener('abort', timedOut, { once: true });
  });
  const context = { now: new Date(lookup.clock.now()), signal };
  const looked = Promise.resolve()
    .then(() => enricher(alert, lookup.clientsFor?.(alert) ?? lookup.clients, context))
    .catch((error: unknown): EnrichmentResult => ({ kind: 'unavailable', what, reason: reasonOf(error) }));
  return Promise.race([looked, spent]);
}

/** AWS's error code (AccessDenied, ThrottlingException) is the reason; an abort is the budget's end. */
export function reasonOf(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return 'timed out';
  return typeof name === 'string' && name !== 'Error' ? name : 'error';
}
