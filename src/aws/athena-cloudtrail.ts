import { type AthenaTemplateName, athenaTemplateNames } from '../model/klaxon-command.ts';
import {
  type AthenaConfig,
  type AthenaDeps,
  type AthenaQueryRequest,
  type AthenaQueryResult,
  runAthenaQuery,
} from './athena-query.ts';
import { failQuery, type QueryOutcome } from './query-outcome.ts';

/** What a template's one user-supplied value must look like; the quoting protects us, this keeps typos out. */
const valueRules = {
  user: {
    pattern: /^[\w+=,.@-]{1,64}$/,
    label: 'an IAM user or role session name (letters, digits, +=,.@_-)',
  },
  eventName: { pattern: /^[A-Za-z][A-Za-z0-9]{0,127}$/, label: 'an API event name such as DeleteBucket' },
  // Resource names can hold almost anything (S3 keys); only control characters and absurd lengths are refused.
  resource: { pattern: /^[^\p{Cc}]{1,256}$/u, label: 'a resource name or ARN (up to 256 characters)' },
} as const;
type ValueKind = keyof typeof valueRules;

const deniedCodes =
  "('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation')";

/**
 * Named queries over the CloudTrail table. `?` marks where the user's value goes (as an execution
 * parameter, never spliced in); `uses` says how many `?` it fills.
 */
export const athenaTemplates = {
  user: {
    summary: 'events by IAM user or role name',
    value: 'user',
    uses: 2,
    where: '(useridentity.username = ? OR useridentity.sessioncontext.sessionissuer.username = ?)',
  },
  event: { summary: 'events by event name', value: 'eventName', uses: 1, where: 'eventname = ?' },
  resource: {
    summary: 'events naming a resource',
    value: 'resource',
    uses: 2,
    where:
      "(any_match(resources, r -> strpos(r.arn, ?) > 0) OR strpos(coalesce(requestparameters, ''), ?) > 0)",
  },
  denied: {
    summary: 'access denied errors',
    value: undefined,
    uses: 0,
    where: `errorcode IN ${deniedCodes}`,
  },
  root: {
    summary: 'root account use',
    value: undefined,
    uses: 0,
    where: "useridentity.type = 'Root' AND useridentity.invokedby IS NULL AND eventtype <> 'AwsServiceEvent'",
  },
} as const satisfies Record<
  AthenaTemplateName,
  { summary: string; value: ValueKind | undefined; uses: number; where: string }
>;
export { type AthenaTemplateName, athenaTemplateNames };

/** Optional date partition (partition projection `timestamp` as yyyy/MM/dd) so a query reads only its days. */
export interface CloudTrailPartitionConfig {
  datePartitionColumn?: string;
}

export interface CloudTrailQueryInput {
  template: AthenaTemplateName;
  value?: string;
  from: Date;
  to: Date;
  maxRows: number;
}

export interface BuiltQuery {
  queryString: string;
  executionParameters: string[];
}

/** Athena reads each execution parameter as an SQL literal: a string carries its own quotes, inner ones doubled. */
export function quoteSqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Only called on names `findBadIdentifier` accepted, so the quotes cannot be escaped. */
function quoteIdentifier(name: string): string {
  return `"${name}"`;
}

function findBadIdentifier(config: AthenaConfig & CloudTrailPartitionConfig): string | undefined {
  const names = [config.database, config.table, config.datePartitionColumn];
  return names.find((name) => name !== undefined && !identifierPattern.test(name));
}

/** CloudTrail writes eventTime as `2024-05-20T12:00:00Z`; comparing strings needs exactly that shape. */
export function formatCloudTrailTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function validateTemplateValue(
  template: AthenaTemplateName,
  value: string | undefined,
): string | undefined {
  const kind = athenaTemplates[template].value;
  if (kind === undefined) return value === undefined ? undefined : `\`${template}\` takes no value.`;
  if (value === undefined || value === '') return `\`${template}\` needs ${valueRules[kind].label}.`;
  return valueRules[kind].pattern.test(value) ? undefined : `\`${value}\` is not ${valueRules[kind].label}.`;
}

export function buildCloudTrailQuery(
  config: AthenaConfig & CloudTrailPartitionConfig,
  input: CloudTrailQueryInput,
): { ok: true; query: BuiltQuery } | { ok: false; message: string } {
  const badName = findBadIdentifier(config);
  if (badName !== undefined)
    return { ok: false, message: `Athena is misconfigured: \`${badName}\` is no table name.` };
  const invalid = validateTemplateValue(input.template, input.value);
  if (invalid) return { ok: false, message: invalid };
  const template = athenaTemplates[input.template];
  const where = ['eventtime >= ?', 'eventtime < ?'];
  const parameters = [formatCloudTrailTime(input.from), formatCloudTrailTime(input.to)].map(quoteSqlString);
  if (config.datePartitionColumn) {
    where.push(`${quoteIdentifier(config.datePartitionColumn)} BETWEEN ? AND ?`);
    parameters.push(
      quoteSqlString(formatPartitionDay(input.from)),
      quoteSqlString(formatPartitionDay(input.to)),
    );
  }
  where.push(template.where);
  for (let i = 0; i < template.uses; i++) parameters.push(quoteSqlString(input.value ?? ''));
  const queryString = [
    'SELECT eventtime, useridentity.arn AS principal, eventname, eventsource, awsregion, sourceipaddress, errorcode',
    `FROM ${quoteIdentifier(config.database)}.${quoteIdentifier(config.table)}`,
    `WHERE ${where.join(' AND ')}`,
    'ORDER BY eventtime DESC',
    `LIMIT ${Math.max(1, Math.trunc(input.maxRows))}`,
  ].join('\n');
  return { ok: true, query: { queryString, executionParameters: parameters } };
}

function formatPartitionDay(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}

export type CloudTrailAthenaRequest = CloudTrailQueryInput &
  Omit<AthenaQueryRequest, 'queryString' | 'executionParameters'>;

export async function runCloudTrailAthenaQuery(
  deps: AthenaDeps,
  config: AthenaConfig & CloudTrailPartitionConfig,
  request: CloudTrailAthenaRequest,
): Promise<QueryOutcome<AthenaQueryResult>> {
  const built = buildCloudTrailQuery(config, request);
  if (!built.ok) return failQuery('invalid', built.message);
  return runAthenaQuery(deps, config, { ...request, ...built.query });
}
