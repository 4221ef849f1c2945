import { randomUUID } from 'node:crypto';
import type { ParsedCommand } from '../../model/klaxon-command.ts';
import type { AuditRecord } from '../../model/records.ts';
import type { SilenceRecord } from '../../model/silence.ts';
import { renderRefusal } from '../../render/command-replies.ts';
import { section } from '../../render/query-results-format.ts';
import { describeMatchers, renderSilenceCreated } from '../../render/silences.ts';
import type { CommandDeps } from '../commands/command-deps.ts';
import type { CommandJob } from '../commands/command-job.ts';
import type { CommandReply } from '../commands/command-reply.ts';
import { checkPermission } from '../permissions/check-permission.ts';

type SilenceCommand = Extract<ParsedCommand, { kind: 'silence' }>;

/**
 * Where a silence is announced and summarised: the channel the command was typed in, where the people who
 * set it look; a direct message (D…), where Klaxon cannot post, falls back to the default channel.
 */
export function announceChannelOf(channelId: string, defaultChannel: string): string {
  return /^[CG][A-Z0-9]+$/.test(channelId) ? channelId : defaultChannel;
}

/** `/klaxon silence …`: needs the `mute` permission; stored, audited, announced, confirmed to its author. */
export async function runSilenceCommand(
  job: CommandJob,
  command: SilenceCommand,
  deps: CommandDeps,
  reply: CommandReply,
): Promise<AuditRecord['result']> {
  const actor = { userId: job.userId, ...(job.userName ? { userName: job.userName } : {}) };
  const verdict = await checkPermission(deps.config, deps.membership, 'mute', job.userId);
  if (!verdict.allowed) {
    await auditSilence(deps, actor, 'silence.create', { text: job.text }, 'refused', verdict.reason);
    await reply.final(renderRefusal(job.command, job.text, verdict.reason));
    return 'refused';
  }
  const now = deps.clock.now();
  const silence: SilenceRecord = {
    silenceId: randomUUID(),
    kind: 'silence',
    matchers: command.matchers,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + command.durationMs).toISOString(),
    reason: command.reason,
    by: actor,
    channel: announceChannelOf(job.channelId, deps.config.defaultChannel),
    status: 'active',
  };
  if (!(await deps.store.silences.createSilence(silence))) {
    await reply.final(
      message('Too many silences are active; expire one first (`/klaxon silences`).', 'Too many silences'),
    );
    return 'failed';
  }
  const params = {
    silenceId: silence.silenceId,
    matchers: silence.matchers,
    endsAt: silence.endsAt,
    reason: silence.reason,
  };
  await auditSilence(deps, actor, 'silence.create', params, 'ok');
  await announce(deps, silence);
  const confirmation = `:no_bell: Silenced ${describeMatchers(silence.matchers)} until ${silence.endsAt}; announced in <#${silence.channel}>.`;
  await reply.final(message(confirmation, `Silenced until ${silence.endsAt}`));
  return 'ok';
}

async function announce(deps: Pick<CommandDeps, 'slack' | 'logger'>, silence: SilenceRecord) {
  try {
    await deps.slack.postMessage(silence.channel, renderSilenceCreated(silence));
  } catch (error) {
    // The silence holds either way; a missing announcement is the operator's to see in the logs.
    deps.logger.warn({ err: error, channel: silence.channel }, 'could not announce a silence');
  }
}

function message(text: string, fallback: string) {
  return { text: fallback, blocks: [section(text)] };
}

export async function auditSilence(
  deps: Pick<CommandDeps, 'store' | 'logger' | 'clock'>,
  actor: AuditRecord['actor'],
  action: string,
  params: Record<string, unknown>,
  result: AuditRecord['result'],
  detail?: string,
): Promise<void> {
  try {
    await deps.store.audit.append({
      at: new Date(deps.clock.now()).toISOString(),
      actor,
      action,
      params,
      result,
      ...(detail ? { detail: detail.slice(0, 500) } : {}),
    });
  } catch (error) {
    deps.logger.error({ err: error, action, params }, 'could not write the audit record');
  }
}
