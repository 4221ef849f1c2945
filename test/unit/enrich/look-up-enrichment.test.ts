import { describe, expect, it } from 'vitest';
import { createEnrichmentCache } from '../../../src/core/enrich/enrichment-cache.ts';
import { type EnrichmentLookup, lookUpEnrichment } from '../../../src/core/enrich/look-up-enrichment.ts';
import type { Enricher, EnrichmentResult } from '../../../src/model/enrichment.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';
import { alertOf } from './fixture-alerts.ts';

const alert = alertOf('cloudwatch/alarm-single-metric.json');
const lines: EnrichmentResult = { kind: 'lines', title: 'Log lines', lines: ['boom'] };

function lookupWith(enricher: Enricher<unknown>, budget = new AbortController()) {
  const clock = createFakeClock();
  const lookup: EnrichmentLookup = {
    registry: { 'log-lines': enricher },
    clients: {},
    budgetMs: 8_000,
    cache: createEnrichmentCache(clock, 60_000),
    clock,
    budgetSignal: () => budget.signal,
  };
  return { lookup, clock, budget };
}

describe('lookUpEnrichment', () => {
  it('answers "unavailable: timed out" when the budget runs out before AWS answers', async () => {
    // Prepare: a lookup that never answers, and a budget aborted by hand (no waiting).
    let seenSignal: AbortSignal | undefined;
    const { lookup, budget } = lookupWith((_a, _c, context) => {
      seenSignal = context.signal;
      return new Promise(() => {});
    });

    // Act
    const pending = lookUpEnrichment(lookup, 'log-lines', alert);
    budget.abort();
    const result = await pending;

    // Assess
    expect(result).toEqual({ kind: 'unavailable', what: 'log lines', reason: 'timed out' });
    expect(seenSignal?.aborted).toBe(true);
  });

  it('turns a thrown AWS error into its name, never a thrown error', async () => {
    const denied = Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' });
    const { lookup } = lookupWith(async () => {
      throw denied;
    });
    expect(await lookUpEnrichment(lookup, 'log-lines', alert)).toEqual({
      kind: 'unavailable',
      what: 'log lines',
      reason: 'AccessDenied',
    });
  });

  it('says nothing for a kind that has no enricher', async () => {
    const { lookup } = lookupWith(async () => lines);
    expect(await lookUpEnrichment(lookup, 'glue-run', alert)).toEqual({ kind: 'none' });
  });

  it('does not fetch the same lookup twice within a minute, and fetches it again after', async () => {
    let calls = 0;
    const { lookup, clock } = lookupWith(async () => {
      calls++;
      return lines;
    });

    await lookUpEnrichment(lookup, 'log-lines', alert);
    await lookUpEnrichment(lookup, 'log-lines', alert);
    expect(calls).toBe(1);

    clock.advance(60_001);
    await lookUpEnrichment(lookup, 'log-lines', alert);
    expect(calls).toBe(2);
  });

  it('looks up a recovery again (another state is another lookup)', async () => {
    let calls = 0;
    const { lookup } = lookupWith(async () => {
      calls++;
      return lines;
    });
    await lookUpEnrichment(lookup, 'log-lines', alert);
    await lookUpEnrichment(lookup, 'log-lines', { ...alert, state: 'recovered', stateLabel: 'OK' });
    expect(calls).toBe(2);
  });
});

describe('the clients a lookup gets', () => {
  it('are those of the alert (its region) when the lookup says how to choose them', async () => {
    const seen: unknown[] = [];
    const { lookup } = lookupWith(async (_a, clients) => {
      seen.push(clients);
      return lines;
    });
    const regional = { region: 'eu-west-1' };
    await lookUpEnrichment({ ...lookup, clientsFor: () => regional }, 'log-lines', alert);
    expect(seen).toEqual([regional]);
  });
});
