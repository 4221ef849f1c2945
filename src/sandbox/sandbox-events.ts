import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeSlackApi } from './fake-slack-api.ts';

/** The fake Slack events the page redraws on; `call` is left out (it fires for every Web API request). */
export const forwardedEvents = [
  'message-posted',
  'message-updated',
  'message-deleted',
  'ephemeral',
  'view-opened',
  'view-updated',
  'home-published',
  'response-url',
] as const;

/** One Server-Sent Events frame; JSON has no raw newlines, so one `data:` line is enough. */
export function formatServerSentEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

export interface SandboxEventStream {
  /** Route handler for `GET /sandbox/events`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream: the server's graceful close waits for in-flight requests, and these never end. */
  close(): void;
}

/** Streams what happens in the fake Slack to every open sandbox page. */
export function createSandboxEventStream(api: FakeSlackApi): SandboxEventStream {
  const clients = new Set<ServerResponse>();
  const broadcast = (event: string) => (data: unknown) => {
    const frame = formatServerSentEvent(event, data);
    for (const client of clients) client.write(frame);
  };
  for (const event of forwardedEvents) api.events.on(event, broadcast(event));
  return {
    handle(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // A first frame tells the page the stream is live, so it can (re)load the state it might have missed.
      res.write(formatServerSentEvent('ready', {}));
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
