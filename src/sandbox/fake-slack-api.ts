import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './fake-slack-http.ts';
import type { MethodContext } from './fake-slack-method.ts';
import { ResponseUrls } from './fake-slack-response-url.ts';
import { handleRequest, type ServerDeps } from './fake-slack-server.ts';
import { FakeSlackState } from './fake-slack-state.ts';
import type {
  FailureSpec,
  FakeSlackApi,
  FakeSlackIdentity,
  FakeSlackOptions,
  FakeSlackSnapshot,
  RecordedCall,
} from './fake-slack-types.ts';

export { FAKE_SLACK_RESPONSE_URL_METHOD, FAKE_SLACK_UPLOAD_METHOD } from './fake-slack-server.ts';
export type * from './fake-slack-types.ts';

const DEFAULT_WAIT_MS = 5_000;

/**
 * Starts a loopback HTTP server that answers enough of the Slack Web API for Klaxon (pass `url` as
 * `slackApiUrl`), keeps channel/thread/view state, records every call and fails on demand.
 */
export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const events = new EventEmitter();
  // The sandbox page and many concurrent waitForCalls() may listen at once.
  events.setMaxListeners(100);
  const context: MethodContext = {
    state: new FakeSlackState(),
    identity: buildIdentity(options),
    events,
    origin: '',
  };
  const responseUrls = new ResponseUrls();
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FailureSpec[]>();
  const takeFailure = (method: string) => failures.get(method)?.shift();
  const server = createFakeServer({ context, responseUrls, calls, takeFailure });
  context.origin = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const reset = () => resetAll(calls, failures, context, responseUrls);
  const tools = { ...buildCallTools(calls, failures, events), ...buildStateTools(context, responseUrls) };
  return {
    url: `${context.origin}/api/`,
    origin: context.origin,
    calls,
    events,
    ...tools,
    reset,
    close: () => close(server),
  };
}

function resetAll(
  calls: RecordedCall[],
  failures: Map<string, unknown>,
  context: MethodContext,
  urls: ResponseUrls,
) {
  calls.length = 0;
  failures.clear();
  context.state.reset();
  urls.reset();
}

function createFakeServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handleRequest(req, res, deps).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
    });
  });
}

function buildIdentity(options: FakeSlackOptions): FakeSlackIdentity {
  return {
    teamId: options.teamId ?? 'T0KLAXON1',
    teamDomain: options.teamDomain ?? 'klaxon-sandbox',
    botUserId: options.botUserId ?? 'U0KLAXONBOT',
    botId: options.botId ?? 'B0KLAXONBOT',
    users: options.users ?? {},
    usergroups: options.usergroups ?? {},
    channels: options.channels ?? {},
  };
}

function buildCallTools(calls: RecordedCall[], failures: Map<string, FailureSpec[]>, events: EventEmitter) {
  const callsTo = (method: string) => calls.filter((call) => call.method === method);
  return {
    callsTo,
    failNext(method: string, failure: FailureSpec, times = 1): void {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    waitForCalls(method: string, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall[]> {
      return waitUntil(events, () => callsTo(method).length >= count, timeoutMs).then(
        () => callsTo(method),
        () => {
          const seen = calls.map((call) => call.method).join(', ') || 'none';
          throw new Error(
            `expected ${count} call(s) to ${method} within ${timeoutMs}ms; calls seen: ${seen}`,
          );
        },
      );
    },
  };
}

function buildStateTools(context: MethodContext, responseUrls: ResponseUrls) {
  const { state } = context;
  return {
    messages: (channel: string) => state.listMessages(channel),
    channels: () => state.listChannels(),
    snapshot: () => state.snapshot(),
    restore: (snapshot: FakeSlackSnapshot) => state.restore(snapshot),
    ephemerals: (channel?: string) =>
      state.ephemerals.filter((e) => channel === undefined || e.channel === channel),
    views: () => [...state.views.values()],
    createResponseUrl(source: Parameters<FakeSlackApi['createResponseUrl']>[0] = {}): string {
      const id = state.createId('R');
      responseUrls.create(id, source);
      return `${context.origin}/response/${id}`;
    },
    responses: (id: string) => responseUrls.posts(id),
  };
}

/** Resolves when `isDone()` holds, re-checking on every recorded call; rejects at the deadline. */
function waitUntil(events: EventEmitter, isDone: () => boolean, timeoutMs: number): Promise<void> {
  if (isDone()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!isDone()) return;
      cleanUp();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error('timeout'));
    }, timeoutMs);
    const cleanUp = () => {
      clearTimeout(timer);
      events.off('call', check);
    };
    events.on('call', check);
  });
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${hostPart}:${address.port}`);
    });
  });
}

// WebClient's fetch keeps sockets alive; without closing them server.close() would wait for their timeout.
function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
