import type { IncomingMessage, ServerResponse } from 'node:http';
import { admitSlackRequest, type SlackAdmissionDeps } from '../bot/admit-slack-request.ts';
import { carryReplayClaim } from '../bot/replay-claim-context.ts';
import { type RequestLog, sendJson } from './http-server.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';

/** Slack's payloads are small; a view submission with its blocks stays far below this. */
const slackBodyLimitBytes = 1024 * 1024;

/**
 * POST /slack/events: reads the body once, lets the Slack request guard decide, and only then hands the
 * request to Bolt's receiver, which takes the body already read (`rawBody`) instead of the drained stream.
 */
export function createSlackRoute(
  deps: SlackAdmissionDeps,
  boltListener: (request: IncomingMessage, response: ServerResponse) => void,
) {
  return async (request: IncomingMessage, response: ServerResponse, log: RequestLog) => {
    let rawBody: string;
    try {
      rawBody = await readBody(request, slackBodyLimitBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      log.outcome = 'refused';
      log.detail = 'too-large';
      return sendJson(response, 413, { error: 'too large' });
    }
    const admission = await admitSlackRequest(deps, {
      rawBody,
      contentType: header(request, 'content-type') ?? '',
      signature: header(request, 'x-slack-signature'),
      timestamp: header(request, 'x-slack-request-timestamp'),
      retryNum: header(request, 'x-slack-retry-num'),
    });
    if (admission.action === 'answer') {
      log.outcome = admission.outcome;
      log.detail = admission.reason;
      response.writeHead(admission.status, { 'content-length': 0 });
      return void response.end();
    }
    log.outcome = 'slack';
    Object.assign(request, { rawBody: Buffer.from(rawBody, 'utf8') });
    boltListener(carryReplayClaim(request, admission.replayClaim), response);
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
