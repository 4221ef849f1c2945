import { parseArgsStringToArgv } from 'string-argv';
import {
  type AthenaTemplateName,
  athenaTemplateNames,
  validateTemplateValue,
} from '../../aws/athena-cloudtrail.ts';
import { defaultLogsQuery, type LogGroupAliases, resolveLogGroups } from '../../aws/logs-insights.ts';
import type { ParsedCommand, CommandTokens as Tokens, UsageError } from '../../model/klaxon-command.ts';
import { klaxonUsage, subcommandUsage } from '../../render/klaxon-usage.ts';
import { resolveTimeRange } from './klaxon-time-range.ts';
import { readTrailOptions } from './klaxon-trail-options.ts';
import { parseSilenceCommand } from './parse-silence-command.ts';

export { klaxonUsage } from '../../render/klaxon-usage.ts';

type QueryKind = 'trail' | 'athena' | 'logs';
type PerQuery = Record<QueryKind, number>;
const dayMs = 86_400_000;

export interface KlaxonCommandOptions {
  now: Date;
  /** Widest time range each query may cover. */
  maxRangeMs?: Partial<PerQuery>;
  /** Range used when neither `since` nor `from` is given. */
  defaultSinceMs?: Partial<PerQuery>;
  maxLimit?: Partial<PerQuery>;
  defaultLimit?: Partial<PerQuery>;
  logGroupAliases?: LogGroupAliases;
}

export const defaultCommandLimits = {
  maxRangeMs: { trail: 90 * dayMs, athena: 365 * dayMs, logs: 7 * dayMs },
  defaultSinceMs: { trail: dayMs, athena: 7 * dayMs, logs: 3_600_000 },
  maxLimit: { trail: 200, athena: 100, logs: 1000 },
  defaultLimit: { trail: 25, athena: 25, logs: 100 },
} as const satisfies Record<string, PerQuery>;

export type { CommandTokens as Tokens, ParsedCommand, UsageError } from '../../model/klaxon-command.ts';

type Parse = (tokens: Tokens, options: KlaxonCommandOptions) => ParsedCommand | string;

const timeKeys = ['since', 'from', 'to', 'limit'];

/** Subcommands looked up by name; each returns a command or the reason it cannot. */
const parsers: Record<string, { parse: Parse; optionKeys?: string[] }> = {
  help: { parse: (t) => noArguments(t) ?? { kind: 'help', share: t.share } },
  alerts: { parse: (t) => noArguments(t) ?? { kind: 'alerts', share: t.share } },
  mutes: { parse: (t) => noArguments(t) ?? { kind: 'mutes', share: t.share } },
  silence: { parse: (t) => parseSilenceCommand(t, echo) },
  silences: { parse: (t) => noArguments(t) ?? { kind: 'silences', share: t.share } },
  trail: { parse: parseTrail },
  athena: { parse: parseAthena },
  // Logs queries contain `=` and words of their own, so only these keys count as options there.
  logs: { parse: parseLogs, optionKeys: timeKeys },
};

/** Longer text is refused before it is parsed: no query Klaxon runs needs more, and replies stay small. */
export const maxCommandTextLength = 2000;
/** Error messages quote what the person typed, but never more than this much of one value … */
const maxEchoedValueLength = 40;
/** … nor more than this in all (messages from the option readers included). */
const maxErrorMessageLength = 200;

/** A typed value quoted in an error message, cut short: the reply must not repeat a 20 KB paste. */
export function echo(value: string): string {
  const bounded =
    value.length > maxEchoedValueLength ? `${value.slice(0, maxEchoedValueLength - 1)}…` : value;
  return `\`${bounded.replace(/`/g, "'")}\``;
}

export function parseKlaxonCommand(text: string, options: KlaxonCommandOptions): ParsedCommand | UsageError {
  if (text.length > maxCommandTextLength) {
    return {
      kind: 'usage-error',
      message: `The command is too long: ${text.length} characters, at most ${maxCommandTextLength}.`,
      usage: 'Longer queries belong in the AWS console.',
    };
  }
  const parsed = parseBoundedCommand(text, options);
  if (parsed.kind !== 'usage-error' || parsed.message.length <= maxErrorMessageLength) return parsed;
  return { ...parsed, message: `${parsed.message.slice(0, maxErrorMessageLength - 1)}…` };
}

function parseBoundedCommand(text: string, options: KlaxonCommandOptions): ParsedCommand | UsageError {
  // Slack clients may turn straight quotes into curly ones; string-argv only knows the straight kind.
  const argv = parseArgsStringToArgv(text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'"));
  const [name = 'help', ...rest] = argv;
  const entry = parsers[name.toLowerCase()];
  if (!entry)
    return { kind: 'usage-error', message: `Unknown subcommand ${echo(name)}.`, usage: klaxonUsage() };
  const usage = subcommandUsage[name.toLowerCase() as keyof typeof subcommandUsage];
  const tokens = splitTokens(rest, entry.optionKeys);
  if (typeof tokens === 'string') return { kind: 'usage-error', message: tokens, usage };
  const parsed = entry.parse(tokens, options);
  return typeof parsed === 'string' ? { kind: 'usage-error', message: parsed, usage } : parsed;
}

export function splitTokens(argv: string[], optionKeys?: string[]): Tokens | string {
  const tokens: Tokens = { positionals: [], options: {}, share: false };
  for (const token of argv) {
    const option = /^([a-z][a-z-]*)=(.*)$/is.exec(token);
    const key = option?.[1]?.toLowerCase();
    if (token.toLowerCase() === 'share') tokens.share = true;
    else if (key !== undefined && (!optionKeys || optionKeys.includes(key))) {
      if (key in tokens.options) return `${echo(`${key}=`)} is given twice.`;
      tokens.options[key] = option?.[2] ?? '';
    } else tokens.positionals.push(token);
  }
  return tokens;
}

function noArguments(tokens: Tokens): string | undefined {
  const extra = [...tokens.positionals, ...Object.keys(tokens.options).map((k) => `${k}=`)];
  return extra.length > 0 ? `Unexpected argument ${echo(extra[0]!)}.` : undefined;
}

export function findUnknownOption(tokens: Tokens, allowed: string[]): string | undefined {
  const unknown = Object.keys(tokens.options).find((key) => !allowed.includes(key));
  return unknown === undefined
    ? undefined
    : `Unknown option ${echo(`${unknown}=`)}; expected ${allowed.map((k) => `\`${k}=\``).join(', ')}.`;
}

export function readRangeAndLimit(tokens: Tokens, kind: QueryKind, options: KlaxonCommandOptions) {
  const pick = (table: keyof typeof defaultCommandLimits) =>
    options[table]?.[kind] ?? defaultCommandLimits[table][kind];
  const range = resolveTimeRange(tokens.options, {
    now: options.now,
    defaultSinceMs: pick('defaultSinceMs'),
    maxRangeMs: pick('maxRangeMs'),
    label: kind,
  });
  if (!range.ok) return range.message;
  const limitText = tokens.options.limit;
  const limit = limitText === undefined ? pick('defaultLimit') : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1)
    return `${echo(`limit=${limitText}`)} is not a positive whole number.`;
  if (limit > pick('maxLimit'))
    return `${echo(`limit=${limit}`)} is over the maximum of ${pick('maxLimit')}.`;
  return { range: range.range, limit };
}

function parseTrail(tokens: Tokens, options: KlaxonCommandOptions): ParsedCommand | string {
  if (tokens.positionals.length > 0)
    return `Unexpected argument ${echo(tokens.positionals[0]!)}: trail takes key=value filters.`;
  const trail = readTrailOptions(tokens);
  if (typeof trail === 'string') return trail;
  const common = readRangeAndLimit(tokens, 'trail', options);
  if (typeof common === 'string') return common;
  return { kind: 'trail', share: tokens.share, ...trail, ...common };
}

function parseAthena(tokens: Tokens, options: KlaxonCommandOptions): ParsedCommand | string {
  const unknown = findUnknownOption(tokens, timeKeys);
  if (unknown) return unknown;
  const [template, value, extra] = tokens.positionals;
  const names = athenaTemplateNames.map((n) => `\`${n}\``).join(', ');
  if (!template) return `Name a query template: ${names}.`;
  if (!athenaTemplateNames.includes(template as AthenaTemplateName))
    return `Unknown template ${echo(template)}; use ${names}.`;
  if (extra !== undefined) return `Unexpected argument ${echo(extra)}.`;
  const invalid = validateTemplateValue(template as AthenaTemplateName, value);
  if (invalid) return invalid;
  const common = readRangeAndLimit(tokens, 'athena', options);
  if (typeof common === 'string') return common;
  return { kind: 'athena', share: tokens.share, template: template as AthenaTemplateName, value, ...common };
}

function parseLogs(tokens: Tokens, options: KlaxonCommandOptions): ParsedCommand | string {
  const [target, ...queryParts] = tokens.positionals;
  if (!target) return 'Name a log group or an alias.';
  const logGroups = resolveLogGroups(target, options.logGroupAliases ?? {});
  if (!logGroups) return `${echo(target)} is neither a log group name nor a known alias.`;
  const common = readRangeAndLimit(tokens, 'logs', options);
  if (typeof common === 'string') return common;
  const query = queryParts.join(' ').trim() || defaultLogsQuery;
  return { kind: 'logs', share: tokens.share, target, logGroups, query, ...common };
}
