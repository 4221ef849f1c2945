/**
 * Console deep links (commercial partition only: China and GovCloud consoles live on other domains).
 * The Logs Insights fragment uses the console's JSURL-style encoding: `~(key~'value)`, with every
 * character outside [A-Za-z0-9_.-] written as `*hh` (or `**hhhh`), and `$` standing in for `%`.
 */
export function buildLogsInsightsUrl(input: {
  region: string;
  logGroups: string[];
  query: string;
  from: Date;
  to: Date;
}): string {
  const sources = input.logGroups.map((group) => `~'${encodeJsurl(group)}`).join('');
  const detail =
    `~(end~'${encodeJsurl(input.to.toISOString())}~start~'${encodeJsurl(input.from.toISOString())}` +
    `~timeType~'ABSOLUTE~tz~'UTC~editorString~'${encodeJsurl(input.query)}~source~(${sources}))`;
  return `${consoleHome(input.region, 'cloudwatch')}#logsV2:logs-insights$3FqueryDetail$3D${detail}`;
}

export function buildAthenaQueryUrl(region: string, queryExecutionId: string): string {
  return `${consoleHome(region, 'athena')}#/query-editor/history/${encodeURIComponent(queryExecutionId)}`;
}

function consoleHome(region: string, service: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/${service}/home?region=${r}`;
}

export function encodeJsurl(text: string): string {
  return text.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `*${code.toString(16).padStart(2, '0')}`
      : `**${code.toString(16).padStart(4, '0')}`;
  });
}

/** The AWS Glue Studio page of one job run (the page the alert's own link opens too). */
export function buildGlueRunUrl(region: string, jobName: string, jobRunId: string): string {
  const path = `#/job/${encodeURIComponent(jobName)}/run/${encodeURIComponent(jobRunId)}`;
  return `https://${encodeURIComponent(region)}.console.aws.amazon.com/gluestudio/home?region=${encodeURIComponent(region)}${path}`;
}

/** One log stream's events; the console's fragment encodes each name twice, with `$` standing in for `%`. */
export function buildLogStreamUrl(region: string, logGroup: string, logStream: string): string {
  const twice = (name: string) => encodeURIComponent(encodeURIComponent(name)).replace(/%/g, '$');
  return `${consoleHome(region, 'cloudwatch')}#logsV2:log-groups/log-group/${twice(logGroup)}/log-events/${twice(logStream)}`;
}

/** The S3 console's folder view of an `s3://bucket/key` location's folder; undefined for anything else. */
export function buildS3FolderUrl(region: string, s3Uri: string): string | undefined {
  const match = /^s3n?:\/\/([^/]+)\/(.*)$/.exec(s3Uri);
  if (!match) return undefined;
  const [, bucket = '', key = ''] = match;
  const folder = key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1);
  const r = encodeURIComponent(region);
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?region=${r}&prefix=${encodeURIComponent(folder)}`;
}

/** The EMR console's page of one cluster, whose Steps tab lists each step with its log files. */
export function buildEmrClusterUrl(region: string, clusterId: string): string {
  return `${consoleHome(region, 'emr')}#/clusterDetails/${encodeURIComponent(clusterId)}`;
}

/** CloudTrail's event history filtered on one resource name. */
export function buildCloudTrailResourceUrl(region: string, resourceName: string): string {
  return `${consoleHome(region, 'cloudtrailv2')}#/events?ResourceName=${encodeURIComponent(resourceName)}`;
}
