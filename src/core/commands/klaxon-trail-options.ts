import type { TrailFilters } from '../../aws/cloudtrail-events.ts';
import { isRegionCode } from '../../model/aws-ids.ts';
import type { CommandTokens as Tokens } from '../../model/klaxon-command.ts';

const trailKeys = [
  'user',
  'event',
  'resource',
  'source',
  'readonly',
  'region',
  'since',
  'from',
  'to',
  'limit',
];
const eventNamePattern = /^[A-Za-z][A-Za-z0-9]{0,127}$/;
const readOnlyWords: Record<string, boolean> = { true: true, yes: true, false: false, no: false };

/** Reads the trail filters; `source=s3` is short for `source=s3.amazonaws.com`. */
export function readTrailOptions(tokens: Tokens): { filters: TrailFilters; region?: string } | string {
  const unknown = Object.keys(tokens.options).find((key) => !trailKeys.includes(key));
  if (unknown !== undefined)
    return `Unknown option \`${unknown}=\`; trail takes ${trailKeys.map((k) => `\`${k}=\``).join(' ')}.`;
  const { user, event, resource, source, readonly, region } = tokens.options;
  const empty = Object.entries(tokens.options).find(([, value]) => value.trim() === '');
  if (empty) return `\`${empty[0]}=\` needs a value.`;
  if (event !== undefined && !eventNamePattern.test(event))
    return `\`event=${event}\` is not an API event name such as DeleteBucket.`;
  if (region !== undefined && !isRegionCode(region))
    return `\`region=${region}\` is not a region code such as eu-west-1.`;
  const readOnly = readonly === undefined ? undefined : readOnlyWords[readonly.toLowerCase()];
  if (readonly !== undefined && readOnly === undefined) return '`readonly=` takes true or false.';
  const filters: TrailFilters = {
    user,
    eventName: event,
    resource,
    eventSource: source === undefined || source.includes('.') ? source : `${source}.amazonaws.com`,
    readOnly,
  };
  const defined = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as TrailFilters;
  return region === undefined ? { filters: defined } : { filters: defined, region };
}
