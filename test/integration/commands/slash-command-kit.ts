import { beforeEach } from 'vitest';
import type { Clock } from '../../../src/aws/poll.ts';
import type { ResponseUrlPost } from '../../../src/sandbox/fake-slack-api.ts';
import {
  type SlashCommandFields,
  signSlackRequest,
  slashCommandBody,
} from '../../../src/sandbox/sign-slack-request.ts';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.ts';
import { type Harness, signingSecret, type startHarness, useHarness } from '../../helpers/klaxon-harness.ts';

export const channelId = 'C0ALERTS01';
export const userId = 'U0ONCALL01';

export interface SlashCommandResult {
  status: number;
  /** What Slack would show at once: the acknowledgement's JSON body. */
  ack: { response_type?: string; text?: string; blocks?: unknown[] };
  /** The fake Slack's id of this command's response_url, for `h.slack.responses(id)`. */
  responseId: string;
}

/** Posts a signed `/klaxon` request, form-encoded exactly like Slack's, to the real server. */
export async function postSlashCommand(
  h: Harness,
  text: string,
  fields: Partial<SlashCommandFields> = {},
): Promise<SlashCommandResult> {
  const responseUrl = h.slack.createResponseUrl({
    channel: fields.channel_id ?? channelId,
    userId: fields.user_id ?? userId,
  });
  const body = slashCommandBody({
    channel_id: channelId,
    user_id: userId,
    ...fields,
    text,
    response_url: responseUrl,
  });
  const response = await fetch(`${h.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackRequest(signingSecret, body),
    },
    body,
  });
  const raw = await response.text();
  return {
    status: response.status,
    ack: raw ? (JSON.parse(raw) as SlashCommandResult['ack']) : {},
    responseId: responseUrl.slice(responseUrl.lastIndexOf('/') + 1),
  };
}

/** Resolves once `count` posts reached the response_url; rejects after `timeoutMs` (a test failure, not a sleep). */
export function waitForResponses(
  h: Harness,
  responseId: string,
  count: number,
  timeoutMs = 5_000,
): Promise<ResponseUrlPost[]> {
  const posts = () => h.slack.responses(responseId);
  if (posts().length >= count) return Promise.resolve(posts());
  return new Promise((resolve, reject) => {
    const check = () => {
      if (posts().length < count) return;
      cleanUp();
      resolve(posts());
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`expected ${count} response_url post(s), saw ${posts().length}`));
    }, timeoutMs);
    const cleanUp = () => {
      clearTimeout(timer);
      h.slack.events.off('response-url', check);
    };
    h.slack.events.on('response-url', check);
  });
}

/** The text a response_url post shows: its fallback text plus every block's text. */
export function shownText(post: { body: Record<string, unknown> }): string {
  return `${String(post.body.text)}\n${JSON.stringify(post.body.blocks ?? [])}`;
}

/**
 * A fake clock (sleeps return at once) that each test restarts at the real time: commands are stamped
 * with the real time, so their deadlines must be measured from there.
 */
export type RestartableClock = Clock & { restart(): FakeClock; current(): FakeClock };

export function createRestartableClock(): RestartableClock {
  let clock = createFakeClock(Date.now());
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    restart: () => {
      clock = createFakeClock(Date.now());
      return clock;
    },
    current: () => clock,
  };
}

type CommandOptions = NonNullable<NonNullable<Parameters<typeof startHarness>[1]>['commands']>;

/**
 * useHarness for `/klaxon` tests on a restartable clock: before each test the clock restarts and every
 * aws-sdk-client-mock in `mocks` is reset.
 */
export function useCommandHarness(
  configDocument: Record<string, unknown>,
  commands: CommandOptions & { clock: RestartableClock },
  mocks: Array<{ reset(): void }> = [],
): Harness {
  const h = useHarness(configDocument, { commands });
  beforeEach(() => {
    for (const mock of mocks) mock.reset();
    commands.clock.restart();
  });
  return h;
}
