import { createHash } from 'node:crypto';
import { verifySlackRequest } from '@slack/bolt';
import { isClaimedWithAudit, isHandledSlackRequest } from './listeners/handled-requests.ts';
import { readSlackRequestBody, type SlackRequestSummary } from './slack-request-body.ts';

/** A Slack request as both transports see it: the raw body and the headers that sign it. */
export interface SlackRequestInput {
  rawBody: string;
  contentType: string;
  signature?: string;
  timestamp?: string;
  /** `X-Slack-Retry-Num`: Slack trying again after a slow or failed answer. */
  retryNum?: string;
}

export interface SlackRequestPolicy {
  signingSecret: string;
  nowMs: number;
  /** The token's workspace; undefined while `auth.test` has not answered. */
  teamId: string | undefined;
  /** SLACK_APP_ID: when set, only this app's requests are served. */
  appId?: string;
}

export type SlackRequestVerdict =
  /**
   * Hand it to Bolt; `replayKey` (absent for handshakes) is claimed once: before Bolt, or, for a click whose
   * listener writes an audit record whatever it decides (`claimedWithAudit`), in that same write.
   */
  | { verdict: 'pass'; replayKey?: string; claimedWithAudit?: true }
  | { verdict: 'refuse'; status: 400 | 401 | 403 | 503; reason: string }
  /** Answer 200 with an empty body and do nothing. */
  | { verdict: 'ignore'; reason: string };

/** Slack's rule: a timestamp more than 5 minutes from now, either way, is refused. */
export const slackRequestWindowSeconds = 300;

/**
 * Decides, before Bolt sees it, whether a Slack request may act: signed with our secret within 5 minutes
 * either side of now, from our workspace (and app, when configured), shaped like a payload a listener
 * handles. Pure: the clock and the identity come in the policy; the replay check is the caller's I/O.
 */
export function judgeSlackRequest(
  request: SlackRequestInput,
  policy: SlackRequestPolicy,
): SlackRequestVerdict {
  const summary = readSlackRequestBody(request.rawBody, request.contentType);
  // Bolt answers ssl_check itself and strips the rest of the body; Slack does not sign it.
  if (summary?.kind === 'ssl-check') return { verdict: 'pass' };
  const unsigned = checkSignature(request, policy);
  if (unsigned) return unsigned;
  if (!summary) return { verdict: 'refuse', status: 400, reason: 'not-a-slack-payload' };
  if (summary.kind === 'url-verification') return { verdict: 'pass' };
  if ((summary.kind === 'interactive' || summary.kind === 'command') && !summary.userId) {
    return { verdict: 'refuse', status: 400, reason: 'no-user' };
  }
  const foreign = checkOrigin(summary, policy);
  if (foreign) return foreign;
  if (!isHandledSlackRequest(summary)) return { verdict: 'ignore', reason: `unhandled:${summary.type}` };
  return {
    verdict: 'pass',
    ...replayKeyOf(summary, request),
    ...(isClaimedWithAudit(summary) ? { claimedWithAudit: true } : {}),
  };
}

function checkSignature(
  request: SlackRequestInput,
  policy: SlackRequestPolicy,
): SlackRequestVerdict | undefined {
  const timestamp = Number(request.timestamp);
  if (!request.timestamp || !Number.isInteger(timestamp) || !request.signature) {
    return { verdict: 'refuse', status: 401, reason: 'unsigned' };
  }
  if (Math.abs(policy.nowMs / 1000 - timestamp) > slackRequestWindowSeconds) {
    return { verdict: 'refuse', status: 401, reason: timestamp > policy.nowMs / 1000 ? 'future' : 'stale' };
  }
  try {
    verifySlackRequest({
      signingSecret: policy.signingSecret,
      body: request.rawBody,
      headers: { 'x-slack-signature': request.signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: policy.nowMs,
    });
  } catch {
    return { verdict: 'refuse', status: 401, reason: 'bad-signature' };
  }
  return undefined;
}

function checkOrigin(
  summary: SlackRequestSummary,
  policy: SlackRequestPolicy,
): SlackRequestVerdict | undefined {
  // 503 so that Slack (events) or the person (a click) tries again once auth.test has answered.
  if (!policy.teamId) return { verdict: 'refuse', status: 503, reason: 'workspace-unknown' };
  if (summary.teamId !== policy.teamId)
    return { verdict: 'refuse', status: 403, reason: 'foreign-workspace' };
  if (policy.appId && summary.appId !== policy.appId) {
    return { verdict: 'refuse', status: 403, reason: 'foreign-app' };
  }
  return undefined;
}

/**
 * An identical request replayed has the same timestamp and signature. Slack's own retries of an event are
 * signed anew, so events are keyed by `event_id`, which a retry keeps.
 */
function replayKeyOf(summary: SlackRequestSummary, request: SlackRequestInput) {
  if (summary.kind === 'event' && summary.eventId) return { replayKey: `event:${summary.eventId}` };
  const digest = createHash('sha256').update(`${request.timestamp}:${request.signature}`).digest('hex');
  return { replayKey: `sig:${digest}` };
}
