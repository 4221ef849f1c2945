import { LogLevel, WebClient } from '@slack/web-api';

export interface SlackClientOptions {
  token: string;
  /** Base URL of the Web API, e.g. a local fake's `http://127.0.0.1:PORT/api/`. */
  slackApiUrl?: string;
  timeoutMs?: number;
  retries?: number;
}

/**
 * The Web API client every part of Klaxon shares. @slack/web-api already waits out 429s (Retry-After) and
 * retries failures; we only bound it: its default timeout is none and its default retry budget is ~30 min,
 * far longer than SNS (15 s) or Slack's own 3-second acknowledgement allow.
 */
export function createSlackWebClient(options: SlackClientOptions): WebClient {
  return new WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    logLevel: LogLevel.ERROR,
  });
}
