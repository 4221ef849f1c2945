import { athenaTemplateNames, athenaTemplates } from '../aws/athena-cloudtrail.ts';

export const klaxonSubcommands = [
  'trail',
  'athena',
  'logs',
  'alerts',
  'mutes',
  'silence',
  'silences',
  'help',
] as const;
export type KlaxonSubcommand = (typeof klaxonSubcommands)[number];

const athenaTemplateList = athenaTemplateNames
  .map((name) => {
    const value = athenaTemplates[name].value;
    return `\`${name}${value ? ` <${value}>` : ''}\` (${athenaTemplates[name].summary})`;
  })
  .join(', ');

/** One entry per subcommand: what it does, its options, and examples that work when pasted. */
export const subcommandUsage: Record<KlaxonSubcommand, string> = {
  trail: [
    '`/klaxon trail [user=] [event=] [resource=] [source=] [readonly=true|false] [region=] [since=2h | from= to=] [limit=]`',
    '  CloudTrail event history (management events, last 90 days).',
    '  e.g. `/klaxon trail user=alice since=2h` · `/klaxon trail event=DeleteBucket source=s3 from=2024-05-01 to=2024-05-02`',
  ].join('\n'),
  athena: [
    '`/klaxon athena <template> [value] [since=30d | from= to=] [limit=]`',
    `  CloudTrail logs in S3 through Athena (older than 90 days, data events). Templates: ${athenaTemplateList}.`,
    '  e.g. `/klaxon athena user alice since=30d` · `/klaxon athena denied from=2024-01-01 to=2024-02-01`',
  ].join('\n'),
  logs: [
    '`/klaxon logs <log group or alias> ["query"] [since=1h | from= to=] [limit=]`',
    '  CloudWatch Logs Insights; without a query, the latest 20 lines containing ERROR.',
    '  e.g. `/klaxon logs etl since=6h` · `/klaxon logs /aws/lambda/loader "fields @timestamp, @message | filter @message like /Timeout/" since=1d`',
  ].join('\n'),
  alerts: '`/klaxon alerts` — open alerts.',
  mutes: '`/klaxon mutes` — active mutes.',
  silence: [
    '`/klaxon silence [source=] [account=] [region=] [name=<glob>] [severity=] for=<duration> reason=<text>`',
    '  Holds back matching alerts before they fire; one summary when it ends. Values: comma-separated.',
    '  e.g. `/klaxon silence name=etl-* severity=low,medium for=2h reason=loader migration`',
  ].join('\n'),
  silences: '`/klaxon silences` — active silences, each with an Expire button.',
  help: '`/klaxon help` — this text.',
};

export function klaxonUsage(): string {
  return [
    '*Klaxon* — `/klaxon <subcommand> …`. Add `share` to post the answer in the channel instead of only to you.',
    'Times: `since=30m|2h|7d`, or `from=`/`to=` in ISO 8601 (UTC unless an offset is given).',
    ...klaxonSubcommands.map((name) => `• ${subcommandUsage[name]}`),
  ].join('\n');
}
