import type { AwsClients } from '../../aws/aws-clients.ts';
import { enrichLookups } from '../../aws/enrich/index.ts';
import { lookUpCompositeChildren } from './composite-children.ts';
import { lookUpLogLines } from './log-lines.ts';
import type { EnrichmentRegistry } from './look-up-enrichment.ts';
import { lookUpMetricGraph } from './metric-graph.ts';

/** The enrichers this build has, by kind: the server and the Lambda worker run them. */
export const defaultEnrichers: EnrichmentRegistry<AwsClients> = {
  'metric-graph': lookUpMetricGraph,
  'composite-children': lookUpCompositeChildren,
  'log-lines': lookUpLogLines,
  ...enrichLookups,
};
