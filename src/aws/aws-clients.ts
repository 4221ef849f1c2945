import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { isRegionCode } from '../model/aws-ids.ts';

/** The AWS clients used by buttons and slash commands; tests put aws-sdk-client-mock on these. */
export interface AwsClients {
  cloudTrail: CloudTrailClient;
  logs: CloudWatchLogsClient;
  athena: AthenaClient;
  glue: GlueClient;
  /**
   * A Glue client for the region an event came from (a job lives in one region): the default `glue` when
   * the region is unknown or the same, so a rerun never asks the wrong region or none at all.
   */
  glueIn: (region: string | undefined) => GlueClient;
  emr: EMRClient;
  /**
   * Enrichment lookups (GetMetricWidgetImage, DescribeAlarms). Adaptive retries: a throttled account slows
   * this client's own calls down instead of retrying into the throttle during a storm.
   */
  cloudWatch: CloudWatchClient;
  /** False when no credentials could be found: queries answer "no AWS credentials" instead of failing. */
  hasCredentials: () => Promise<boolean>;
}

export function createAwsClients(region?: string): AwsClients {
  const common = { ...(region ? { region } : {}), maxAttempts: 3 };
  const cloudTrail = new CloudTrailClient(common);
  const glue = new GlueClient(common);
  return {
    cloudTrail,
    logs: new CloudWatchLogsClient(common),
    athena: new AthenaClient(common),
    glue,
    glueIn: cacheByRegion(glue, (code) => new GlueClient({ ...common, region: code })),
    emr: new EMRClient(common),
    cloudWatch: new CloudWatchClient({ ...common, retryMode: 'adaptive' }),
    hasCredentials: async () => {
      try {
        await cloudTrail.config.credentials();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** One client per region, made on first use; the default client for an unknown region or its own. */
export function cacheByRegion<T>(
  fallback: T,
  create: (region: string) => T,
): (region: string | undefined) => T {
  const made = new Map<string, T>();
  return (region) => {
    if (!isRegionCode(region)) return fallback;
    const client = made.get(region) ?? create(region);
    made.set(region, client);
    return client;
  };
}
