import { App, AwsLambdaReceiver, HTTPReceiver, LogLevel, type Receiver } from '@slack/bolt';

export interface BoltAppOptions {
  token: string;
  signingSecret: string;
  slackApiUrl?: string;
  /** Known bot identity skips Bolt's `auth.test` at start (offline runs, tests against a fake Slack). */
  botIdentity?: { botId: string; botUserId: string };
}

/**
 * Bolt behind our own HTTP server: the receiver's `requestListener` serves `/slack/events` and Bolt verifies
 * every request's signature and timestamp. The SNS route never goes through Bolt.
 */
export function createBoltApp(options: BoltAppOptions): { app: App; receiver: HTTPReceiver } {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
  });
  return { app: createAppOn(receiver, options), receiver };
}

/** Bolt on Lambda: the receiver verifies the signature and answers once the listener has returned. */
export function createLambdaBoltApp(options: BoltAppOptions): { app: App; receiver: AwsLambdaReceiver } {
  const receiver = new AwsLambdaReceiver({ signingSecret: options.signingSecret, logLevel: LogLevel.ERROR });
  return { app: createAppOn(receiver, options), receiver };
}

function createAppOn(receiver: Receiver, options: BoltAppOptions): App {
  return new App({
    token: options.token,
    receiver,
    logLevel: LogLevel.ERROR,
    ...(options.botIdentity
      ? {
          tokenVerificationEnabled: false,
          botId: options.botIdentity.botId,
          botUserId: options.botIdentity.botUserId,
        }
      : {}),
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      timeout: 10_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    },
  });
}
