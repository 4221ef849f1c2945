import type { Context, LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { admitSlackRequest } from '../bot/admit-slack-request.ts';
import { carryReplayClaim } from '../bot/replay-claim-context.ts';
import { handleSnsDelivery } from '../core/notifications/handle-sns-delivery.ts';
import { toPublicSnsAnswer } from '../core/notifications/public-sns-answer.ts';
import { logLevelForStatus } from '../observability/json-logger.ts';
import { checkHealth } from '../server/health-route.ts';
import { createRefreshingRuntime } from './lambda-core.ts';
import { createLambdaRuntime, type LambdaRuntime } from './lambda-runtime.ts';

/**
 * The Function URL: Slack's requests at /slack/events go to Bolt's Lambda receiver; SNS HTTPS subscriptions
 * post to /sns (routed here, before Bolt, which has no custom routes on Lambda); /healthz checks the store.
 */
export function createFunctionUrlHandler(getRuntime: () => Promise<LambdaRuntime>) {
  return async (event: LambdaFunctionURLEvent, context: Context): Promise<LambdaFunctionURLResult> => {
    const runtime = await getRuntime();
    const method = event.requestContext.http.method;
    if (event.rawPath === '/sns' && method === 'POST') return answerSns(runtime, bodyOf(event));
    if (event.rawPath === '/healthz' && method === 'GET') return answerHealth(runtime);
    if (event.rawPath === '/slack/events' && method === 'POST') return answerSlack(runtime, event, context);
    return json(404, { error: 'not found' });
  };
}

async function answerSns(runtime: LambdaRuntime, body: string): Promise<LambdaFunctionURLResult> {
  const started = Date.now();
  const result = await handleSnsDelivery(runtime.core.sns, body);
  const line = { transport: 'function-url', path: '/sns', ...result, durationMs: Date.now() - started };
  runtime.logger[logLevelForStatus(result.status)](line, 'request');
  // The real detail goes to the log line only: the caller may be a stranger.
  return json(result.status, toPublicSnsAnswer(result));
}

/** The same Slack request guard as the server's route, then Bolt's Lambda receiver. */
async function answerSlack(
  runtime: LambdaRuntime,
  event: LambdaFunctionURLEvent,
  context: Context,
): Promise<LambdaFunctionURLResult> {
  const rawBody = bodyOf(event);
  const header = (name: string) => event.headers[name] ?? undefined;
  const admission = await admitSlackRequest(runtime.slackAdmission, {
    rawBody,
    contentType: header('content-type') ?? '',
    signature: header('x-slack-signature'),
    timestamp: header('x-slack-request-timestamp'),
    retryNum: header('x-slack-retry-num'),
  });
  const line = { transport: 'function-url', path: event.rawPath };
  if (admission.action === 'answer') {
    const { status, outcome, reason } = admission;
    runtime.logger[logLevelForStatus(status)]({ ...line, status, outcome, detail: reason }, 'request');
    return { statusCode: status, body: '' };
  }
  // Decoded here: Bolt's receiver would decode base64 as ASCII and break non-ASCII text.
  const decoded = carryReplayClaim(
    { ...event, body: rawBody, isBase64Encoded: false },
    admission.replayClaim,
  );
  const response = await runtime.slackHandler(decoded as never, context);
  runtime.logger.info({ ...line, status: response.statusCode, outcome: 'slack' }, 'request');
  return response;
}

async function answerHealth(runtime: LambdaRuntime): Promise<LambdaFunctionURLResult> {
  const report = await checkHealth(() => runtime.store.alerts.ping(), runtime.slackIdentity.status());
  return json(report.httpStatus, report.body);
}

function bodyOf(event: LambdaFunctionURLEvent): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function json(statusCode: number, body: unknown): LambdaFunctionURLResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const handler = createFunctionUrlHandler(createRefreshingRuntime(process.env, createLambdaRuntime));
