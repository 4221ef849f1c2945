import type { SlackUserRef } from '../../model/alert-view.ts';
import { klaxonActor } from '../../model/klaxon-actor.ts';
import type { SilenceRecord } from '../../model/silence.ts';
import { renderSilenceSummary } from '../../render/silences.ts';
import { createSlackPoster } from '../../slack/slack-poster.ts';
import type { AlertActionDeps } from '../buttons/action-deps.ts';
import { findEarlierPost } from '../outbox/run-step.ts';
import { checkPermission } from '../permissions/check-permission.ts';
import { auditSilence } from './create-silence.ts';

export type SilenceDeps = Pick<
  AlertActionDeps,
  'config' | 'store' | 'webClient' | 'logger' | 'now' | 'membership'
>;

/**
 * Ends a silence (its time ran out, or someone clicked Expire) and posts its one summary. The end is a write
 * conditional on the silence being active, so of two sweepers, or a sweeper and a click, exactly one wins
 * and posts; the others see it ended and do nothing.
 */
export async function endSilence(deps: SilenceDeps, silenceId: string, by?: SlackUserRef): Promise<boolean> {
  const result = await deps.store.silences.endSilence(silenceId, deps.now().toISOString(), by);
  if (!result.ended) return false;
  await auditSilence(
    clockOf(deps),
    by ?? klaxonActor,
    'silence.end',
    { silenceId, reason: result.record.reason, endsAt: result.record.endsAt, early: Boolean(by) },
    'ok',
  );
  await postSummary(deps, result.record);
  return true;
}

/** A summary Slack refused is posted again by a sweep this long after the first try, by one sweeper at a time. */
const summaryRetryMs = 60_000;

/**
 * The summary: what the silence held back from which alerts, and which of them still fire. It is tagged (Slack
 * message metadata), so a retry after an answer that never came finds it instead of posting it twice; until
 * Slack has it, the silence stays pending and a later sweep posts it.
 */
export async function postSummary(
  deps: SilenceDeps,
  silence: SilenceRecord,
  options: { retry?: boolean } = {},
): Promise<boolean> {
  const slack = createSlackPoster(deps.webClient);
  const stepId = `silence:${silence.silenceId}:summary`;
  try {
    const found = options.retry ? await findEarlierPost(slack, silence.channel, stepId, {}) : undefined;
    if (!found) {
      const hits = await deps.store.silences.listHits(silence.silenceId);
      await slack.postMessage(silence.channel, renderSilenceSummary(silence, hits), { stepId });
    }
    await deps.store.silences.markSummaryPosted(silence);
    return true;
  } catch (error) {
    deps.logger.warn(
      { err: error, silenceId: silence.silenceId },
      'could not post a silence summary; a later sweep posts it',
    );
    return false;
  }
}

/** Posts the summaries Slack refused before; returns how many it posted. */
export async function sweepPendingSummaries(deps: SilenceDeps): Promise<number> {
  const now = deps.now().getTime();
  const pending = await deps.store.silences.listPendingSummaries(
    new Date(now - summaryRetryMs).toISOString(),
  );
  let posted = 0;
  for (const silence of pending) {
    if (!(await deps.store.silences.claimSummary(silence.silenceId, now, now + summaryRetryMs))) continue;
    if (await postSummary(deps, silence, { retry: true })) posted++;
  }
  return posted;
}

/** Ends every silence whose time has passed; returns how many this sweeper ended. */
export async function sweepExpiredSilences(deps: SilenceDeps): Promise<number> {
  const expired = await deps.store.silences.listExpiredSilences(deps.now());
  let ended = 0;
  for (const silence of expired) {
    try {
      if (await endSilence(deps, silence.silenceId)) ended++;
    } catch (error) {
      deps.logger.warn(
        { err: error, silenceId: silence.silenceId },
        'silence expiry failed; the next sweep retries',
      );
    }
  }
  return ended;
}

/** The Expire button of `/klaxon silences`: the `mute` permission, then the end and its summary. */
export async function expireSilenceByButton(
  deps: SilenceDeps,
  request: { silenceId: string; actor: SlackUserRef; channel?: string },
): Promise<'ended' | 'already-ended' | 'refused'> {
  const { silenceId, actor } = request;
  const verdict = await checkPermission(deps.config, deps.membership, 'mute', actor.userId);
  if (!verdict.allowed) {
    await auditSilence(clockOf(deps), actor, 'silence.end', { silenceId }, 'refused', verdict.reason);
    await tell(deps, request, `Not allowed: you may not expire silences (${verdict.reason}).`);
    return 'refused';
  }
  const ended = await endSilence(deps, silenceId, actor);
  await tell(
    deps,
    request,
    ended ? 'Silence expired; its summary is in the channel.' : 'That silence has already ended.',
  );
  return ended ? 'ended' : 'already-ended';
}

function clockOf(deps: SilenceDeps) {
  return { ...deps, clock: { now: () => deps.now().getTime(), sleep: async () => undefined } };
}

async function tell(deps: SilenceDeps, request: { actor: SlackUserRef; channel?: string }, text: string) {
  if (!request.channel) return;
  try {
    await deps.webClient.chat.postEphemeral({ channel: request.channel, user: request.actor.userId, text });
  } catch (error) {
    deps.logger.warn({ err: error, channel: request.channel }, 'ephemeral message failed');
  }
}
