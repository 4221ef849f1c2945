import type { ReplayClaim } from '../model/replay-claim.ts';
import type { SlackIdentity } from '../slack/slack-identity.ts';
import type { SlackRequestStore } from '../store/slack-request-store.ts';
import {
  judgeSlackRequest,
  type SlackRequestInput,
  slackRequestWindowSeconds,
} from './slack-request-guard.ts';

export interface SlackAdmissionDeps {
  signingSecret: string;
  appId?: string;
  /** The token's identity, asking Slack now if it is not known yet. */
  resolveIdentity: () => Promise<SlackIdentity | undefined>;
  requests: SlackRequestStore;
  now: () => Date;
}

export type SlackAdmission =
  /** `replayClaim`: not written yet; the click's listener writes it with its audit record. */
  | { action: 'bolt'; replayClaim?: ReplayClaim }
  /** Answer without Bolt; 200 answers have an empty body so that Slack shows nothing. */
  | { action: 'answer'; status: number; outcome: 'refused' | 'ignored' | 'unavailable'; reason: string };

/** Keyed by event_id, Slack's retries come up to about an hour later; identical replays only in the window. */
const eventKeySeconds = 3600;
const replayKeySeconds = 2 * slackRequestWindowSeconds + 60;

/**
 * The one gate both transports (the server's `/slack/events`, the Lambda Function URL) put before Bolt:
 * the pure verdict, then the claim that makes a replayed or retried request a no-op. Storage trouble is a
 * 503, so that nothing acts unrecorded and Slack may try again.
 */
export async function admitSlackRequest(
  deps: SlackAdmissionDeps,
  request: SlackRequestInput,
): Promise<SlackAdmission> {
  const nowMs = deps.now().getTime();
  const identity = await deps.resolveIdentity();
  const verdict = judgeSlackRequest(request, {
    signingSecret: deps.signingSecret,
    nowMs,
    teamId: identity?.teamId,
    ...(deps.appId ? { appId: deps.appId } : {}),
  });
  if (verdict.verdict === 'refuse') {
    const outcome = verdict.status === 503 ? 'unavailable' : 'refused';
    return { action: 'answer', status: verdict.status, outcome, reason: verdict.reason };
  }
  if (verdict.verdict === 'ignore')
    return { action: 'answer', status: 200, outcome: 'ignored', reason: verdict.reason };
  if (!verdict.replayKey) return { action: 'bolt' };
  const nowSeconds = Math.floor(nowMs / 1000);
  const keepSeconds = verdict.replayKey.startsWith('event:') ? eventKeySeconds : replayKeySeconds;
  const claim = { key: verdict.replayKey, expiresAt: nowSeconds + keepSeconds, nowSeconds };
  if (verdict.claimedWithAudit) return { action: 'bolt', replayClaim: claim };
  try {
    const first = await deps.requests.claimSlackRequest(claim);
    const reason = request.retryNum ? 'retry-of-handled' : 'replay';
    if (!first) return { action: 'answer', status: 200, outcome: 'ignored', reason };
  } catch (error) {
    return { action: 'answer', status: 503, outcome: 'unavailable', reason: (error as Error).name };
  }
  return { action: 'bolt' };
}
