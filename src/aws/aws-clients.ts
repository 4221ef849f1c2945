import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';

/** The AWS clients used by buttons and slash commands; tests put aws-sdk-client-mock on these. */
export interface AwsClients {
  cloudTrail: CloudTrailClient;
  logs: CloudWatchLogsClient;
  athena: AthenaClient;
  glue: GlueClient;
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
  return {
    cloudTrail,
    logs: new CloudWatchLogsClient(common),
    athena: new AthenaClient(common),
    glue: new GlueClient(common),
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
