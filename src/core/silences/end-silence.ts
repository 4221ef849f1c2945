import type { SlackUserRef } from '../../model/alert-view.ts';
import { klaxonActor } from '../../model/klaxon-actor.ts';
import type { SilenceRecord } from '../../model/silence.ts';
import { renderSilenceSummary } from '../../render/silences.ts';
import { createSlackPoster } from '../../slack/slack-poster.ts';
import type { AlertActionDeps } from '../buttons/action-deps.ts';
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

/** The summary: what the silence held back from which alerts, and which of them still fire. */
export async function postSummary(deps: SilenceDeps, silence: SilenceRecord): Promise<void> {
  try {
    const hits = await deps.store.silences.listHits(silence.silenceId);
    await createSlackPoster(deps.webClient).postMessage(silence.channel, renderSilenceSummary(silence, hits));
  } catch (error) {
    // Ended is ended: a lost summary is logged loudly rather than risking a second one.
    deps.logger.error({ err: error, silenceId: silence.silenceId }, 'could not post a silence summary');
  }
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
