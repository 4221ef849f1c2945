import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { isRegionCode } from '../model/aws-ids.ts';

/** The AWS clients used by buttons, slash commands and enrichment; tests put aws-sdk-client-mock on these. */
export interface AwsClients {
  cloudTrail: CloudTrailClient;
  logs: CloudWatchLogsClient;
  athena: AthenaClient;
  glue: GlueClient;
  emr: EMRClient;
  /**
   * Enrichment lookups (GetMetricWidgetImage, DescribeAlarms). Adaptive retries: a throttled account slows
   * this client's own calls down instead of retrying into the throttle during a storm.
   */
  cloudWatch: CloudWatchClient;
  /**
   * The same clients for the region a resource lives in (a Glue job, a log group, an alarm): SNS topics of
   * every region deliver to one Klaxon, and these APIs answer only for their own region. The clients
   * themselves for an unknown region or their own; made once per region, on first use.
   */
  in: (region: string | undefined) => AwsClients;
  /** False when no credentials could be found: queries answer "no AWS credentials" instead of failing. */
  hasCredentials: () => Promise<boolean>;
}

export function createAwsClients(region?: string): AwsClients {
  const make = (code: string | undefined): AwsClients => {
    const common = { ...(code ? { region: code } : {}), maxAttempts: 3 };
    const cloudTrail = new CloudTrailClient(common);
    return {
      cloudTrail,
      logs: new CloudWatchLogsClient(common),
      athena: new AthenaClient(common),
      glue: new GlueClient(common),
      emr: new EMRClient(common),
      cloudWatch: new CloudWatchClient({ ...common, retryMode: 'adaptive' }),
      in: clientsIn,
      hasCredentials: async () => {
        try {
          await cloudTrail.config.credentials();
          return true;
        } catch {
          return false;
        }
      },
    };
  };
  const own = make(region);
  const forRegion = cacheByRegion(own, make);
  function clientsIn(code: string | undefined): AwsClients {
    return code === region ? own : forRegion(code);
  }
  return own;
}

/** One client per region, made on first use; the default client for an unknown region. */
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
