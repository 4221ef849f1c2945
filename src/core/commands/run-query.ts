import { runCloudTrailAthenaQuery } from '../../aws/athena-cloudtrail.ts';
import { lookupTrailEvents } from '../../aws/cloudtrail-lookup.ts';
import { runLogsInsightsQuery } from '../../aws/logs-insights.ts';
import { failQuery, type QueryFailure, type QueryProgress } from '../../aws/query-outcome.ts';
import { renderActiveMutes } from '../../render/active-mutes.ts';
import { formatDuration } from '../../render/mrkdwn.ts';
import { renderOpenAlerts } from '../../render/open-alerts.ts';
import { renderAthenaResult, renderLogsResult, renderTrailResult } from '../../render/query-results.ts';
import { renderSilenceList } from '../../render/silences.ts';
import type { SlackMessage } from '../../render/slack-message.ts';
import type { CommandDeps } from './command-deps.ts';
import type { ParsedCommand } from './parse-klaxon-command.ts';

export type CommandAnswer = { ok: true; message: SlackMessage } | QueryFailure;

/** Setting a silence is not a query: it runs apart (src/core/silences/create-silence.ts). */
export type RunnableCommand = Exclude<ParsedCommand, { kind: 'help' | 'silence' }>;
type Of<K extends RunnableCommand['kind']> = Extract<RunnableCommand, { kind: K }>;

export interface QueryContext {
  deps: CommandDeps;
  title: string;
  /** Epoch ms by which the query must have stopped, so its answer can still reach Slack. */
  deadline: number;
  signal: AbortSignal;
  onProgress: (progress: QueryProgress) => Promise<void>;
}

const openAlertsShown = 50;
const trailMaxPages = 10;

/** One function per subcommand, chosen by name; each returns a rendered answer or why there is none. */
const answerers: {
  [K in RunnableCommand['kind']]: (command: Of<K>, ctx: QueryContext) => Promise<CommandAnswer>;
} = {
  trail: answerTrail,
  athena: answerAthena,
  logs: answerLogs,
  alerts: async (_command, ctx) => {
    const alerts = await ctx.deps.store.alerts.listOpenAlerts(openAlertsShown);
    const now = new Date(ctx.deps.clock.now());
    return answer(renderOpenAlerts(alerts, now, openAlertsShown, ctx.deps.config.accounts));
  },
  mutes: async (_command, ctx) => {
    const now = new Date(ctx.deps.clock.now());
    return answer(renderActiveMutes(await ctx.deps.store.mutes.listActiveMutes(now), now));
  },
  silences: async (_command, ctx) => {
    const now = new Date(ctx.deps.clock.now());
    const active = await ctx.deps.store.silences.listActiveSilences(100);
    return answer(
      renderSilenceList(
        active.filter((s) => Date.parse(s.endsAt) > now.getTime()),
        now,
      ),
    );
  },
};

const awsKinds = new Set<RunnableCommand['kind']>(['trail', 'athena', 'logs']);

export async function answerCommand(command: RunnableCommand, ctx: QueryContext): Promise<CommandAnswer> {
  // Never made-up data: without credentials say so instead of sending unsigned requests.
  if (awsKinds.has(command.kind) && !(await ctx.deps.aws.hasCredentials()))
    return failQuery('invalid', 'No AWS credentials are configured, so Klaxon cannot query AWS.');
  const run = answerers[command.kind] as (
    command: RunnableCommand,
    ctx: QueryContext,
  ) => Promise<CommandAnswer>;
  const result = await run(command, ctx);
  return result.ok ? result : explainCutOff(result, ctx);
}

async function answerTrail(command: Of<'trail'>, ctx: QueryContext): Promise<CommandAnswer> {
  const { deps } = ctx;
  // LookupEvents answers for its client's region only: another region's events need that region's client.
  const client = command.region ? deps.aws.in(command.region).cloudTrail : deps.aws.cloudTrail;
  const region = command.region ?? (await client.config.region());
  const outcome = await lookupTrailEvents(
    { cloudTrailFor: () => client, pacer: deps.pacer, clock: deps.clock },
    {
      filters: command.filters,
      region,
      ...command.range,
      maxEvents: command.limit,
      maxPages: trailMaxPages,
      deadline: ctx.deadline,
      signal: ctx.signal,
    },
  );
  return outcome.ok ? answer(renderTrailResult(outcome.value, ctx.title)) : outcome;
}

async function answerAthena(command: Of<'athena'>, ctx: QueryContext): Promise<CommandAnswer> {
  const athena = ctx.deps.config.queries.athena;
  if (!athena)
    return failQuery(
      'invalid',
      'Athena is not configured: add `queries.athena` to the Klaxon configuration.',
    );
  const client = ctx.deps.aws.athena;
  const outcome = await runCloudTrailAthenaQuery(
    { athena: client, clock: ctx.deps.clock },
    { ...athena, region: await client.config.region() },
    {
      template: command.template,
      value: command.value,
      ...command.range,
      maxRows: command.limit,
      deadline: ctx.deadline,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    },
  );
  return outcome.ok ? answer(renderAthenaResult(outcome.value, ctx.title)) : outcome;
}

async function answerLogs(command: Of<'logs'>, ctx: QueryContext): Promise<CommandAnswer> {
  const client = ctx.deps.aws.logs;
  const outcome = await runLogsInsightsQuery(
    { logs: client, clock: ctx.deps.clock, region: await client.config.region() },
    {
      logGroups: command.logGroups,
      query: command.query,
      ...command.range,
      limit: command.limit,
      deadline: ctx.deadline,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    },
  );
  return outcome.ok ? answer(renderLogsResult(outcome.value, ctx.title)) : outcome;
}

function answer(message: SlackMessage): CommandAnswer {
  return { ok: true, message };
}

/** A query stopped by our deadline or by shutdown should say why, and what to do about it. */
function explainCutOff(failure: QueryFailure, ctx: QueryContext): QueryFailure {
  if (failure.reason !== 'deadline') return failure;
  if (ctx.signal.aborted)
    return failQuery('cancelled', `${failure.message} Klaxon is restarting; run the command again.`);
  const window = formatDuration(ctx.deps.responseWindowMs);
  return failQuery(
    'deadline',
    `${failure.message} Slack takes the answer to a command only within ${window}; narrow the time range and try again.`,
  );
}
