import { App, AwsLambdaReceiver, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from '../observability/logger.ts';
import type { SlackIdentity } from '../slack/slack-identity.ts';
import type { InFlightWork } from '../util/in-flight-work.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { extractReplayClaim } from './replay-claim-context.ts';

export interface BoltAppOptions {
  token: string;
  signingSecret: string;
  slackApiUrl?: string;
  /** The token's identity from the Slack identity service; undefined until `auth.test` has answered. */
  identity: () => SlackIdentity | undefined;
  logger: Logger;
  /** Where listeners' work is kept while it runs, so that a graceful shutdown waits for it. */
  work?: InFlightWork;
}

/**
 * Bolt behind our own HTTP server: the receiver's `requestListener` serves `/slack/events` once the Slack
 * request guard has let a request through; Bolt verifies the signature again. The SNS route never goes
 * through Bolt.
 */
export function createBoltApp(options: BoltAppOptions): { app: App; receiver: HTTPReceiver } {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger: createBoltLogger(options.logger),
    customPropertiesExtractor: extractReplayClaim,
  });
  return { app: createAppOn(receiver, options), receiver };
}

/** Bolt on Lambda: the receiver verifies the signature and answers once the listener has returned. */
export function createLambdaBoltApp(options: BoltAppOptions): { app: App; receiver: AwsLambdaReceiver } {
  const receiver = new AwsLambdaReceiver({
    signingSecret: options.signingSecret,
    logger: createBoltLogger(options.logger),
    customPropertiesExtractor: extractReplayClaim,
  });
  return { app: createAppOn(receiver, options), receiver };
}

/**
 * No `token` here on purpose: with one, Bolt calls `auth.test` at construction and an unreachable Slack
 * becomes an unhandled rejection that ends the process. `authorize` reads the identity the identity
 * service found, whenever it arrives, and never calls Slack itself.
 */
function createAppOn(receiver: Receiver, options: BoltAppOptions): App {
  const app = new App({
    receiver,
    logger: createBoltLogger(options.logger),
    tokenVerificationEnabled: false,
    authorize: async () => {
      const identity = options.identity();
      if (!identity) throw new Error('the Slack identity is not known yet (auth.test has not answered)');
      return {
        botToken: options.token,
        botId: identity.botId,
        botUserId: identity.botUserId,
        teamId: identity.teamId,
      };
    },
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      timeout: 10_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    },
  });
  // The server's receiver answers Slack at ack(), and a listener's work goes on after the response has closed.
  const work = options.work;
  if (work) app.use(({ next }) => work.track(next()));
  return app;
}
