import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EMRClient } from '@aws-sdk/client-emr';
import type { GlueClient } from '@aws-sdk/client-glue';
import type { Enricher, EnrichmentKind } from '../../model/enrichment.ts';
import { lookupEmrStep } from './emr-step.ts';
import { lookupGlueRun } from './glue-run.ts';
import { lookupRecentChanges } from './recent-changes.ts';

/** The clients these lookups read (a subset of AwsClients, so `core.aws` can be passed as it is). */
export interface EnrichClients {
  glue: GlueClient;
  logs: CloudWatchLogsClient;
  emr: EMRClient;
  cloudTrail: CloudTrailClient;
}

/** The lookups that read a job run or CloudTrail, by kind; each answers `none` for an alert it is not for. */
export const enrichLookups = {
  'glue-run': lookupGlueRun,
  'emr-step': lookupEmrStep,
  'recent-changes': lookupRecentChanges,
} as const satisfies Partial<Record<EnrichmentKind, Enricher<EnrichClients>>>;

export { resourceNamesOf } from './resource-names.ts';
export { lookupEmrStep, lookupGlueRun, lookupRecentChanges };
