import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestLog, sendJson } from './http-server.ts';

/** GET /healthz: healthy only if the store answers a read within its timeout. */
export function createHealthRoute(checkStore: () => Promise<void>) {
  return async (_request: IncomingMessage, response: ServerResponse, log: RequestLog) => {
    try {
      await checkStore();
      log.outcome = 'healthy';
      sendJson(response, 200, { status: 'ok', store: 'ok' });
    } catch (error) {
      log.outcome = 'unhealthy';
      log.detail = (error as Error).name;
      sendJson(response, 503, { status: 'unavailable', store: (error as Error).name });
    }
  };
}
