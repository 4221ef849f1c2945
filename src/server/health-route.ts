import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStatus } from '../slack/slack-identity.ts';
import { type RequestLog, sendJson } from './http-server.ts';

export interface HealthReport {
  httpStatus: 200 | 503;
  body: { status: 'ok' | 'degraded' | 'unavailable'; store: string; slack: SlackStatus };
}

/**
 * 503 only when the store fails: without it nothing can be accepted. Slack down is `degraded` with 200,
 * on purpose: SNS notifications are still accepted and stored (their posts are retried), so a load
 * balancer or orchestrator must keep routing to this process and not restart it.
 */
export async function checkHealth(
  checkStore: () => Promise<void>,
  slack: SlackStatus,
): Promise<HealthReport> {
  try {
    await checkStore();
  } catch (error) {
    return { httpStatus: 503, body: { status: 'unavailable', store: (error as Error).name, slack } };
  }
  return { httpStatus: 200, body: { status: slack === 'ok' ? 'ok' : 'degraded', store: 'ok', slack } };
}

/** GET /healthz: the store must answer a read within its timeout; Slack's status is reported beside it. */
export function createHealthRoute(checkStore: () => Promise<void>, slackStatus: () => SlackStatus) {
  return async (_request: IncomingMessage, response: ServerResponse, log: RequestLog) => {
    const report = await checkHealth(checkStore, slackStatus());
    log.outcome = report.httpStatus === 200 ? 'healthy' : 'unhealthy';
    if (report.body.store !== 'ok') log.detail = report.body.store;
    if (report.body.slack !== 'ok') log.slack = report.body.slack;
    sendJson(response, report.httpStatus, report.body);
  };
}
