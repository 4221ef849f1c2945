import type { AwsClients } from '../../aws/aws-clients.ts';
import { type Clock, systemClock } from '../../aws/poll.ts';
import { createRequestPacer, type RequestPacer } from '../../aws/throttle.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { UsergroupMembership } from '../../slack/usergroup-membership.ts';
import type { KlaxonStore } from '../../store/open-store.ts';
import { postToResponseUrl, type ResponseUrlPoster } from './response-url.ts';

/** Slack accepts posts to a command's response_url for 30 minutes after the command. */
export const slackResponseWindowMs = 30 * 60_000;

/** What the composition root (or a test) may set for slash commands; everything has a default. */
export interface CommandOptions {
  /** Clock for polling, pacing, backoff and deadlines; tests pass a fake one so nothing really waits. */
  clock?: Clock;
  /** How long after the command its answer may still be delivered (default Slack's 30 minutes). */
  responseWindowMs?: number;
  /** Elapsed times after which a progress update replaces "Running…" (each one spends a response_url use). */
  progressAtMs?: number[];
  postToResponseUrl?: ResponseUrlPoster;
}

/** Everything `runKlaxonCommand` uses; built once per process so the CloudTrail pacer is shared. */
export interface CommandDeps {
  config: KlaxonConfig;
  store: KlaxonStore;
  slack: SlackPoster;
  aws: AwsClients;
  membership: UsergroupMembership;
  logger: Logger;
  clock: Clock;
  /** CloudTrail's 2 requests/second is per account and region, so every command shares this one. */
  pacer: RequestPacer;
  responseWindowMs: number;
  progressAtMs: number[];
  postToResponseUrl: ResponseUrlPoster;
}

export type CommandDepsInput = Pick<
  CommandDeps,
  'config' | 'store' | 'slack' | 'aws' | 'membership' | 'logger'
>;

export function buildCommandDeps(input: CommandDepsInput, options: CommandOptions = {}): CommandDeps {
  const clock = options.clock ?? systemClock;
  return {
    ...input,
    clock,
    // 2 per second allowed; 600 ms leaves room for the console and other tools on the same account.
    pacer: createRequestPacer({ clock, minIntervalMs: 600 }),
    responseWindowMs: options.responseWindowMs ?? slackResponseWindowMs,
    progressAtMs: options.progressAtMs ?? [10_000, 90_000],
    postToResponseUrl: options.postToResponseUrl ?? postToResponseUrl,
  };
}
