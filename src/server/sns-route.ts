import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleSnsDelivery } from '../core/notifications/handle-sns-delivery.ts';
import { toPublicSnsAnswer } from '../core/notifications/public-sns-answer.ts';
import type { SnsContext } from '../core/notifications/sns-context.ts';
import { type RequestLog, sendJson } from './http-server.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';

/** POST /sns: the transport only reads the body and writes the answer; the core decides everything. */
export function createSnsRoute(ctx: SnsContext) {
  return async (request: IncomingMessage, response: ServerResponse, log: RequestLog) => {
    let body: string;
    try {
      body = await readBody(request, ctx.config.sns.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      const refusal = { status: 413, outcome: 'refused:too-large' };
      Object.assign(log, { outcome: refusal.outcome, detail: error.message });
      response.setHeader('connection', 'close');
      return sendJson(response, refusal.status, toPublicSnsAnswer(refusal));
    }
    log.snsType = request.headers['x-amz-sns-message-type'];
    const result = await handleSnsDelivery(ctx, body);
    Object.assign(log, {
      outcome: result.outcome,
      detail: result.detail,
      messageId: result.messageId,
      topicArn: result.topicArn,
      alertId: result.alertId,
      source: result.source,
    });
    // The real detail goes to the log line only: the caller may be a stranger.
    sendJson(response, result.status, toPublicSnsAnswer(result));
  };
}
