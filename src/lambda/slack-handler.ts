import type { Context, LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { handleSnsDelivery } from '../handlers/handle-sns-delivery.ts';
import { logLevelForStatus } from '../observability/logger.ts';
import { checkHealth } from '../server/health-route.ts';
import { createLambdaRuntime, type LambdaRuntime, memoizeRuntime } from './lambda-runtime.ts';

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
    if (event.rawPath === '/slack/events' && method === 'POST') {
      const response = await runtime.slackHandler(event as never, context);
      runtime.logger.info(
        { transport: 'function-url', path: event.rawPath, status: response.statusCode },
        'request',
      );
      return response;
    }
    return json(404, { error: 'not found' });
  };
}

async function answerSns(runtime: LambdaRuntime, body: string): Promise<LambdaFunctionURLResult> {
  const started = Date.now();
  const result = await handleSnsDelivery(runtime.core.sns, body);
  const line = { transport: 'function-url', path: '/sns', ...result, durationMs: Date.now() - started };
  runtime.logger[logLevelForStatus(result.status)](line, 'request');
  return json(result.status, {
    outcome: result.outcome,
    ...(result.detail ? { detail: result.detail } : {}),
  });
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

export const handler = createFunctionUrlHandler(memoizeRuntime(() => createLambdaRuntime(process.env)));
