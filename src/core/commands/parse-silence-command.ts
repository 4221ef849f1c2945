import { AlertSources, Severities } from '../../model/alert.ts';
import type { AlertMatchers } from '../../model/alert-matchers.ts';
import { accountIdPattern, isRegionCode } from '../../model/aws-ids.ts';
import type { ParsedCommand, CommandTokens as Tokens } from '../../model/klaxon-command.ts';
import { parseMuteDuration } from '../buttons/parse-mute-duration.ts';

const matcherChecks = {
  source: {
    test: (v: string) => (Object.values(AlertSources) as string[]).includes(v),
    what: `one of ${Object.values(AlertSources).join(', ')}`,
  },
  account: { test: (v: string) => accountIdPattern.test(v), what: 'a 12-digit AWS account id' },
  region: { test: (v: string) => isRegionCode(v), what: 'a region code such as eu-central-1' },
  severity: {
    test: (v: string) => (Severities as readonly string[]).includes(v),
    what: `one of ${Severities.join(', ')}`,
  },
  name: { test: (v: string) => v.length > 0 && v.length <= 256, what: 'a name or glob of 1–256 characters' },
} as const;
type MatcherKey = keyof typeof matcherChecks;
const matcherKeys = Object.keys(matcherChecks) as MatcherKey[];
export const silenceOptionKeys = [...matcherKeys, 'for', 'reason'];
const maxReasonLength = 500;

/**
 * `/klaxon silence source=cloudwatch-alarm name=etl-* for=2h reason=deploying the loader`: the route
 * matchers (comma-separated values match any), a duration, and a reason (words after `reason=` belong to it).
 */
export function parseSilenceCommand(tokens: Tokens, echo: (value: string) => string): ParsedCommand | string {
  const unknown = Object.keys(tokens.options).find((key) => !silenceOptionKeys.includes(key));
  if (unknown)
    return `Unknown option ${echo(`${unknown}=`)}; a silence takes ${silenceOptionKeys.map((k) => `\`${k}=\``).join(', ')}.`;
  const matchers = readMatchers(tokens.options, echo);
  if (typeof matchers === 'string') return matchers;
  const durationText = tokens.options.for;
  if (durationText === undefined) return 'Say how long: `for=2h` (up to 30 days).';
  const duration = parseMuteDuration(durationText);
  if (!duration.ok) return `${echo(`for=${durationText}`)}: ${duration.message.replace('Mute', 'Silence')}`;
  const reasonStart = tokens.options.reason;
  if (reasonStart === undefined && tokens.positionals.length > 0)
    return `Unexpected argument ${echo(tokens.positionals[0]!)}: matchers are \`key=value\`.`;
  const reason = [reasonStart ?? '', ...tokens.positionals].join(' ').trim();
  if (!reason) return 'Give a reason: `reason=deploying the loader`.';
  if (reason.length > maxReasonLength)
    return `The reason is ${reason.length} characters; at most ${maxReasonLength}.`;
  return { kind: 'silence', share: tokens.share, matchers, durationMs: duration.durationMs, reason };
}

function readMatchers(
  options: Record<string, string>,
  echo: (value: string) => string,
): AlertMatchers | string {
  const matchers: AlertMatchers = {};
  for (const key of matcherKeys) {
    const text = options[key];
    if (text === undefined) continue;
    const values =
      key === 'name' ? [text] : text.split(',').map((v) => (key === 'region' ? v : v.toLowerCase()).trim());
    const bad = values.find((value) => !matcherChecks[key].test(value));
    if (bad !== undefined) return `${echo(`${key}=${bad}`)} is not ${matcherChecks[key].what}.`;
    if (key === 'name') matchers.name = text;
    else matchers[key] = values.length === 1 ? values[0]! : values;
  }
  if (Object.keys(matchers).length === 0)
    return 'Say what to silence with at least one matcher: `source=`, `account=`, `region=`, `name=` (glob) or `severity=`.';
  return matchers;
}
