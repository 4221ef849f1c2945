import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleSnsDelivery } from '../handlers/handle-sns-delivery.ts';
import type { SnsContext } from '../handlers/sns-context.ts';
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
      log.outcome = 'refused:too-large';
      response.setHeader('connection', 'close');
      return sendJson(response, 413, { outcome: 'refused:too-large', detail: error.message });
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
    sendJson(response, result.status, {
      outcome: result.outcome,
      ...(result.detail ? { detail: result.detail } : {}),
    });
  };
}
