import type { Enricher, EnrichmentKind, EnrichmentResult } from '../model/enrichment.ts';

type Registry<Clients> = Partial<Record<EnrichmentKind, Enricher<Clients>>>;

const marker = '[sample]';

/**
 * The enrichers of sandbox mode: the real ones, reading the sandbox's sample AWS answers, with every reply
 * they make titled as a sample (the graph's title and alt text too), so that no one takes a sample for their
 * account's data. A lookup that failed keeps its plain "… unavailable" line.
 */
export function labelSampleEnrichments<Clients>(registry: Registry<Clients>): Registry<Clients> {
  const labelled: Registry<Clients> = {};
  for (const [kind, enricher] of Object.entries(registry) as Array<[EnrichmentKind, Enricher<Clients>]>) {
    labelled[kind] = async (alert, clients, context) => labelResult(await enricher(alert, clients, context));
  }
  return labelled;
}

export function labelResult(result: EnrichmentResult): EnrichmentResult {
  if (result.kind === 'lines') return { ...result, title: withMarker(result.title) };
  if (result.kind === 'image') {
    return {
      ...result,
      title: withMarker(result.title),
      altText: `Sample graph, not your account's data. ${result.altText}`,
    };
  }
  return result;
}

function withMarker(text: string): string {
  return text.startsWith(marker) ? text : `${marker} ${text}`;
}
