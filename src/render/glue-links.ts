import { isRegionCode } from '../model/aws-ids.ts';

/**
 * The AWS Glue Studio page of one job run. Built here rather than passed in because a rerun's new run id
 * is known only after StartJobRun; undefined without a region, since the console URL needs one.
 */
export function glueRunConsoleUrl(
  region: string | undefined,
  jobName: string,
  jobRunId: string,
): string | undefined {
  if (!isRegionCode(region)) return undefined;
  const job = encodeURIComponent(jobName);
  const run = encodeURIComponent(jobRunId);
  return `https://${region}.console.aws.amazon.com/gluestudio/home?region=${region}#/job/${job}/run/${run}`;
}
