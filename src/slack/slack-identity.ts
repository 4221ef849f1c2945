import type { Logger } from '../observability/logger.ts';
import {
  type AuthTestOutcome,
  readAuthTestAnswer,
  readAuthTestFailure,
  retryDelayMs,
  type SlackIdentity,
  type SlackStatus,
  SlackTokenRejectedError,
} from './auth-test-outcome.ts';

export { type SlackIdentity, type SlackStatus, SlackTokenRejectedError };

export interface AuthTestClient {
  auth: { test(): Promise<{ team_id?: string; bot_id?: string; user_id?: string; app_id?: string }> };
}

export type ScheduleRetry = (run: () => void, delayMs: number) => { cancel(): void };

export interface SlackIdentityOptions {
  client: AuthTestClient;
  logger: Logger;
  /** Tests run retries by hand; the default is an unref'd timer, so a retry never keeps a process alive. */
  schedule?: ScheduleRetry;
  /** An identity given up front (offline runs, the local stand-in): Slack is never asked. */
  known?: SlackIdentity;
}

const scheduleWithTimer: ScheduleRetry = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Asks Slack who the bot token is (`auth.test`) instead of letting Bolt do it at construction, where a
 * failure is an unhandled rejection. While Slack is down it keeps asking in the background with backoff;
 * a rejected token stops it for good. The outage is logged once, and its end once.
 */
export function createSlackIdentityService(options: SlackIdentityOptions) {
  const schedule = options.schedule ?? scheduleWithTimer;
  let identity = options.known;
  let status: SlackStatus = identity ? 'ok' : 'unknown';
  let failures = 0;
  let inFlight: Promise<AuthTestOutcome> | undefined;
  let first: Promise<void> | undefined;
  let retry: { cancel(): void } | undefined;
  let stopped = false;

  const record = (outcome: AuthTestOutcome) => {
    if (outcome.status === 'ok') {
      if (failures > 0) options.logger.info({ slack: 'ok' }, 'Slack is reachable again');
      identity = outcome.identity;
      failures = 0;
    } else if (outcome.status === 'unreachable') {
      if (failures === 0) {
        options.logger.error(
          { slack: 'unreachable', reason: outcome.reason },
          'Slack is unreachable (auth.test failed); alerts are stored and posted once it answers, retrying in the background',
        );
      } else options.logger.debug({ slack: 'unreachable', reason: outcome.reason }, 'auth.test failed again');
      failures++;
    } else {
      options.logger.error({ slack: 'token-rejected' }, outcome.error.message);
    }
    status = outcome.status;
  };

  const attempt = (): Promise<AuthTestOutcome> => {
    retry?.cancel();
    retry = undefined;
    inFlight ??= options.client.auth
      .test()
      .then(readAuthTestAnswer, readAuthTestFailure)
      .then((outcome) => {
        inFlight = undefined;
        record(outcome);
        if (outcome.status === 'unreachable' && !stopped) {
          retry = schedule(() => void attempt(), retryDelayMs(failures));
        }
        return outcome;
      });
    return inFlight;
  };

  return {
    /** The first attempt: rejects with SlackTokenRejectedError, resolves otherwise (retries continue). */
    start(): Promise<void> {
      first ??= identity
        ? Promise.resolve()
        : attempt().then((outcome) => {
            if (outcome.status === 'token-rejected') throw outcome.error;
          });
      return first;
    },
    status: () => status,
    identity: () => identity,
    /** The identity, asking Slack now if it is not known yet (and the token was not rejected). */
    async resolveIdentity(): Promise<SlackIdentity | undefined> {
      if (identity || status === 'token-rejected') return identity;
      await attempt();
      return identity;
    },
    /** Resolves when no call to Slack is in flight (tests step the retries with it). */
    async settled(): Promise<void> {
      await inFlight;
    },
    stop(): void {
      stopped = true;
      retry?.cancel();
    },
  };
}
export type SlackIdentityService = ReturnType<typeof createSlackIdentityService>;
