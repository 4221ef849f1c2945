import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'X-Slack-Signature': string;
  'X-Slack-Request-Timestamp': string;
}

/**
 * Signs a request body the way Slack does: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` keyed with the
 * app's signing secret. Receivers reject timestamps more than 5 minutes old, so the default is now.
 */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${digest}`, 'X-Slack-Request-Timestamp': String(timestampSeconds) };
}

/** Fields of Slack's slash command request (https://docs.slack.dev/interactivity/implementing-slash-commands). */
export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  is_enterprise_install: string;
  response_url: string;
  trigger_id: string;
}

const SLASH_COMMAND_DEFAULTS: SlashCommandFields = {
  // Slack still sends the deprecated verification token; Bolt ignores it in favour of the signature.
  token: 'sandbox-verification-token',
  team_id: 'T0KLAXON1',
  team_domain: 'klaxon-sandbox',
  channel_id: 'C0ALERTS01',
  channel_name: 'alerts',
  user_id: 'U0ONCALL01',
  user_name: 'oncall',
  command: '/klaxon',
  text: '',
  api_app_id: 'A0KLAXON01',
  is_enterprise_install: 'false',
  response_url: 'https://hooks.slack.com/commands/T0KLAXON1/1/sandbox',
  trigger_id: '1700000000.1.sandbox',
};

/** The application/x-www-form-urlencoded body Slack posts for a slash command; unset fields get defaults. */
export function slashCommandBody(fields: Partial<SlashCommandFields> = {}): string {
  const merged = { ...SLASH_COMMAND_DEFAULTS, ...fields };
  const entries = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(entries).toString();
}

/** The body Slack posts for interactivity (block actions, view submissions): `payload=<url-encoded JSON>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
