import { describeAwsError } from '../../aws/aws-errors.ts';
import { failQuery } from '../../aws/query-outcome.ts';
import type { AuditRecord } from '../../model/records.ts';
import {
  addRequester,
  renderRefusal,
  renderSharedNotice,
  renderShareFailed,
} from '../../render/command-replies.ts';
import {
  describeQueryCommand,
  renderHelp,
  renderQueryFailure,
  renderQueryProgress,
  renderUsageError,
} from '../../render/query-results.ts';
import { slackErrorCodeOf } from '../../slack/slack-errors.ts';
import { checkPermission } from '../permissions/check-permission.ts';
import { runSilenceCommand } from '../silences/create-silence.ts';
import type { CommandDeps } from './command-deps.ts';
import type { CommandJob } from './command-job.ts';
import { type CommandReply, createCommandReply } from './command-reply.ts';
import { parseKlaxonCommand } from './parse-klaxon-command.ts';
import { buildParseOptions } from './parse-options.ts';
import { answerCommand, type CommandAnswer, type RunnableCommand } from './run-query.ts';

export interface RunCommandOptions {
  /** Stops the query early (shutdown). */
  signal?: AbortSignal;
  /** Epoch ms the worker must be done by (a Lambda's remaining time), if sooner than Slack's window. */
  stopBy?: number;
}

export type CommandResult = AuditRecord['result'] | 'answered';

/**
 * The slow half of `/klaxon`, after the acknowledgement: check permission, run the query within Slack's
 * response window, deliver the answer (replacing "Running…", or in the channel with `share`) and audit it.
 */
export async function runKlaxonCommand(
  job: CommandJob,
  deps: CommandDeps,
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  const issuedAt = new Date(job.issuedAt);
  const parsed = parseKlaxonCommand(job.text, buildParseOptions(deps.config, issuedAt));
  const reply = createCommandReply(job, deps);
  // The listener answers these itself; a job carrying one still deserves an answer.
  if (parsed.kind === 'usage-error' || parsed.kind === 'help') {
    await reply.final(parsed.kind === 'help' ? renderHelp() : renderUsageError(parsed));
    return 'answered';
  }
  if (parsed.kind === 'silence') return runSilenceCommand(job, parsed, deps, reply);
  const verdict = await checkPermission(deps.config, deps.membership, 'query', job.userId);
  if (!verdict.allowed) {
    await appendAudit(deps, job, parsed, 'refused', verdict.reason);
    await reply.final(renderRefusal(job.command, job.text, verdict.reason));
    return 'refused';
  }
  const answer = await answerSafely(parsed, job, deps, reply, options);
  const result = answer.ok ? 'ok' : 'failed';
  // Recorded before delivery: once the user sees an answer, the audit trail already holds it.
  await appendAudit(deps, job, parsed, result, answer.ok ? answer.message.text : answer.message);
  await deliverAnswer(job, parsed, answer, deps, reply);
  return result;
}

async function answerSafely(
  command: RunnableCommand,
  job: CommandJob,
  deps: CommandDeps,
  reply: CommandReply,
  options: RunCommandOptions,
): Promise<CommandAnswer> {
  const title = describeQueryCommand(command);
  try {
    return await answerCommand(command, {
      deps,
      title,
      deadline: findDeadline(job, deps, options.stopBy),
      signal: options.signal ?? new AbortController().signal,
      onProgress: (progress) => reply.progress(progress, (p) => renderQueryProgress(title, p)),
    });
  } catch (error) {
    deps.logger.error({ err: error, text: job.text }, 'klaxon command query failed');
    return failQuery('aws-error', describeAwsError(error, { action: `run ${title}` }));
  }
}

/** Stop a little before the response_url dies, so the answer (or the cut-off notice) still gets through. */
function findDeadline(job: CommandJob, deps: CommandDeps, stopBy = Number.POSITIVE_INFINITY): number {
  const window = deps.responseWindowMs;
  const margin = Math.min(60_000, window / 4);
  return Math.min(Date.parse(job.issuedAt) + window - margin, stopBy);
}

/** Failures stay private even with `share`: the channel gets answers, not error messages. */
async function deliverAnswer(
  job: CommandJob,
  command: RunnableCommand,
  answer: CommandAnswer,
  deps: CommandDeps,
  reply: CommandReply,
): Promise<void> {
  const message = answer.ok ? answer.message : renderQueryFailure(describeQueryCommand(command), answer);
  if (!command.share || !answer.ok) return reply.final(message);
  try {
    await deps.slack.postMessage(job.channelId, addRequester(message, job.userId, job.command, job.text));
  } catch (error) {
    deps.logger.warn({ err: error, channel: job.channelId }, 'could not share a command answer');
    return reply.final(renderShareFailed(message, readSlackError(error)));
  }
  await reply.final(renderSharedNotice(job.channelId));
}

function readSlackError(error: unknown): string {
  return slackErrorCodeOf(error) ?? 'Slack error';
}

async function appendAudit(
  deps: CommandDeps,
  job: CommandJob,
  command: RunnableCommand,
  result: AuditRecord['result'],
  detail: string,
): Promise<void> {
  try {
    await deps.store.audit.append({
      at: new Date(deps.clock.now()).toISOString(),
      actor: { userId: job.userId, ...(job.userName ? { userName: job.userName } : {}) },
      action: `query.${command.kind}`,
      params: { text: job.text, channelId: job.channelId, share: command.share, issuedAt: job.issuedAt },
      result,
      detail: detail.slice(0, 500),
    });
  } catch (error) {
    // The user already has the answer; a lost audit record is an operator problem, so it is logged loudly.
    deps.logger.error({ err: error, userId: job.userId, text: job.text }, 'could not write the audit record');
  }
}
