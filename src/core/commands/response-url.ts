import type { SlackMessage } from '../../render/slack-message.ts';

/** The JSON Slack accepts on a response_url (the subset Klaxon uses). */
export interface ResponseUrlBody extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

export type ResponseUrlPoster = (url: string, body: ResponseUrlBody) => Promise<void>;

/** Slack answers a used-up or expired response_url with 404; the error name says which case it was. */
export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`response_url answered ${status}: ${detail}`);
  }
}

export async function postToResponseUrl(url: string, body: ResponseUrlBody): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    // Without a bound a hung connection would keep the command (and a Lambda) waiting forever.
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new ResponseUrlError(response.status, (await response.text()).slice(0, 200));
}
