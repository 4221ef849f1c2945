import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Logger, logLevelForStatus } from '../observability/json-logger.ts';
import type { RequestCounters } from '../observability/request-counters.ts';

export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  log: RequestLog,
) => Promise<void> | void;

/** Fields a handler adds to its request's one log line (outcome, ids); never secrets or bodies. */
export type RequestLog = Record<string, unknown>;

export interface Route {
  method: string;
  /** Exact path, or a prefix ending in `/*`. */
  path: string;
  handle: RouteHandler;
}

/**
 * A plain node:http server: a route table, one structured log line per request with its outcome, and a
 * graceful close that stops accepting, lets in-flight requests finish, then closes idle connections.
 */
export function createHttpServer(
  routes: Route[],
  logger: Logger,
  counters?: RequestCounters,
): { server: Server; inFlight: () => number } {
  let inFlight = 0;
  const server = createServer(async (request, response) => {
    const started = process.hrtime.bigint();
    const log: RequestLog = {};
    inFlight++;
    response.on('close', () => {
      inFlight--;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        method: request.method,
        path: pathOf(request),
        status: response.statusCode,
        durationMs,
        ...log,
      };
      logger[logLevelForStatus(response.statusCode)](line, 'request');
    });
    const route = findRoute(routes, request);
    response.on('close', () =>
      counters?.record(route?.path ?? 'unmatched', response.statusCode, log.outcome),
    );
    if (!route) return sendJson(response, 404, { error: 'not found' });
    try {
      await route.handle(request, response, log);
    } catch (error) {
      log.error = (error as Error).message;
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    }
  });
  server.keepAliveTimeout = 5000;
  return { server, inFlight: () => inFlight };
}

function findRoute(routes: Route[], request: IncomingMessage): Route | undefined {
  const path = pathOf(request);
  return routes.find(
    (route) =>
      (route.method === '*' || route.method === request.method) &&
      (route.path.endsWith('/*')
        ? path.startsWith(route.path.slice(0, -1)) || path === route.path.slice(0, -2)
        : path === route.path),
  );
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0]!;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendPrometheus(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  response.end(text);
}
