import type { AwsClients } from '../../aws/aws-clients.ts';
import { lookUpCompositeChildren } from './composite-children.ts';
import { lookUpLogLines } from './log-lines.ts';
import type { EnrichmentRegistry } from './look-up-enrichment.ts';
import { lookUpMetricGraph } from './metric-graph.ts';

/**
 * The enrichers this build has, by kind. A kind missing here is never planned; the Glue run, EMR step and
 * recent changes lookups are added here when they exist.
 */
export const defaultEnrichers: EnrichmentRegistry<AwsClients> = {
  'metric-graph': lookUpMetricGraph,
  'composite-children': lookUpCompositeChildren,
  'log-lines': lookUpLogLines,
};
