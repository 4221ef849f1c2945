import { randomBytes } from 'node:crypto';
import { parseJsonOrText } from './sandbox-fire.ts';
import type { InteractionIds } from './sandbox-payloads.ts';
import { signSlackRequest } from './sign-slack-request.ts';

/** What Klaxon's `/slack/events` answered: Bolt's acknowledgement, with its body if it had one. */
export interface SlackAnswer {
  status: number;
  body: unknown;
}

/** Posts a body to Klaxon's Slack request URL, signed with the app's signing secret as Slack signs it. */
export async function postToSlack(
  signer: { signingSecret: string; now?: () => number },
  origin: string,
  body: string,
  contentType: string,
): Promise<SlackAnswer> {
  const timestamp = Math.floor((signer.now?.() ?? Date.now()) / 1000);
  const response = await fetch(`${origin}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signSlackRequest(signer.signingSecret, body, timestamp) },
    body,
  });
  return { status: response.status, body: parseJsonOrText(await response.text()) };
}

/** Fresh ids for one interaction. */
export function createInteractionIds(now = Date.now()): InteractionIds {
  // Slack's shapes: trigger_id `<digits>.<digits>.<hex>`, action_ts a message-like timestamp.
  const hex = randomBytes(16).toString('hex');
  return { triggerId: `${Math.floor(now / 1000)}.1.${hex}`, actionTs: (now / 1000).toFixed(6) };
}
