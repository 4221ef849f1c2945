import { slackErrorCodeOf } from './slack-errors.ts';
/** Who the bot token belongs to, as `auth.test` tells it. */
export interface SlackIdentity {
  teamId: string;
  botId: string;
  botUserId: string;
  appId?: string;
}

export const SlackStatuses = {
  unknown: 'unknown',
  ok: 'ok',
  unreachable: 'unreachable',
  tokenRejected: 'token-rejected',
} as const;
export type SlackStatus = (typeof SlackStatuses)[keyof typeof SlackStatuses];

/** Answers after which no retry can succeed: the token itself is wrong, revoked or its workspace gone. */
const tokenRejectedCodes = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive']);

/** A rejected token is fatal and needs an operator; it says so in one line, naming the setting to fix. */
export class SlackTokenRejectedError extends Error {
  override name = 'SlackTokenRejectedError';
  constructor(readonly slackError: string) {
    super(
      `Slack rejected SLACK_BOT_TOKEN (auth.test answered ${slackError}): set a valid bot token (xoxb-…) of an installed app`,
    );
  }
}

export type AuthTestOutcome =
  | { status: 'ok'; identity: SlackIdentity }
  | { status: 'unreachable'; reason: string }
  | { status: 'token-rejected'; error: SlackTokenRejectedError };

interface AuthTestAnswer {
  team_id?: string;
  bot_id?: string;
  user_id?: string;
  app_id?: string;
}

export function readAuthTestAnswer(answer: AuthTestAnswer): AuthTestOutcome {
  if (!answer.team_id || !answer.bot_id || !answer.user_id) {
    return { status: 'unreachable', reason: 'auth.test answered without team_id, bot_id or user_id' };
  }
  const identity = { teamId: answer.team_id, botId: answer.bot_id, botUserId: answer.user_id };
  return { status: 'ok', identity: answer.app_id ? { ...identity, appId: answer.app_id } : identity };
}

/** A thrown call: Slack's refusal of the token, or anything else (5xx, 429, network) that may pass. */
export function readAuthTestFailure(error: unknown): AuthTestOutcome {
  const code = slackErrorCodeOf(error);
  if (code !== undefined && tokenRejectedCodes.has(code)) {
    return { status: 'token-rejected', error: new SlackTokenRejectedError(code) };
  }
  const reason = code !== undefined ? code : ((error as Error | undefined)?.message ?? String(error));
  return { status: 'unreachable', reason };
}

/** 1 s, 2 s, 4 s … capped at a minute: quick to notice a short blip, quiet during a long outage. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, failedAttempts - 1));
}
