import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { type RequestLog, type Route, sendJson } from '../server/http-server.ts';
import { PastedNotificationError } from '../sns/read-pasted-notification.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import { isSandboxSampleId, type SampleFirer, sandboxSamples } from './sandbox-fire.ts';
import {
  type InteractionDeps,
  SandboxRequestError,
  sendAppHomeOpened,
  sendBlockAction,
  sendSlashCommand,
  sendViewSubmission,
} from './sandbox-interactions.ts';

// Room for a paste larger than SNS allows, so that it gets a sentence saying so rather than a bare 400.
const MAX_BODY_BYTES = 1024 * 1024;

const fireSchema = z.object({ sample: z.string().refine(isSandboxSampleId, 'unknown sample') });
const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ kind: z.literal('ephemeral'), channel: z.string().min(1), messageTs: z.string().min(1) }),
  z.object({ kind: z.literal('view'), viewId: z.string().min(1) }),
]);
const actionSchema = z.object({
  target: targetSchema,
  blockIndex: z.number().int().min(0),
  element: z.union([z.number().int().min(0), z.literal('accessory')]),
  selectedValue: z.string().optional(),
});
const rawValue = z.union([z.string(), z.array(z.string()), z.null()]);
const submitSchema = z.object({
  viewId: z.string().min(1),
  inputs: z.record(z.string(), z.record(z.string(), rawValue)),
});
/** SNS caps the subject at 100 characters; the message's own checks are in readPastedNotification. */
const pastedSchema = z.object({
  message: z.string().min(1, 'paste a message first'),
  subject: z.string().max(100).optional(),
});
const commandSchema = z.object({ channel: z.string().min(1), text: z.string().max(4000) });

export interface SandboxApiDeps extends InteractionDeps {
  firer: SampleFirer;
  clock: SandboxClock;
  sweep: () => Promise<unknown>;
}

/** The page's clock buttons: five minutes and an hour. */
const clockSchema = z.object({ advanceMinutes: z.union([z.literal(5), z.literal(60)]) });

/** The JSON endpoints the page calls; each forwards to Klaxon's real endpoints as AWS or Slack would. */
export function createSandboxApiRoutes(deps: SandboxApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/sandbox/api/state',
      handle: (_req, res) =>
        sendJson(res, 200, {
          ...deps.state.snapshot(),
          samples: describeSamples(),
          clock: describeClock(deps.clock),
        }),
    },
    post('/sandbox/api/clock', clockSchema, async (body) => {
      deps.clock.advance(body.advanceMinutes * 60_000);
      // What a minute's timer would have done by now: end mutes, send what is due.
      const swept = await deps.sweep();
      return { clock: describeClock(deps.clock), swept };
    }),
    post('/sandbox/api/fire', fireSchema, (body, origin) => deps.firer.fire(body.sample, `${origin}/sns`)),
    post('/sandbox/api/fire-pasted', pastedSchema, (body, origin) =>
      deps.firer.firePasted(body, `${origin}/sns`),
    ),
    post('/sandbox/api/action', actionSchema, (body, origin) => sendBlockAction(deps, origin, body)),
    post('/sandbox/api/submit', submitSchema, (body, origin) =>
      sendViewSubmission(deps, origin, body.viewId, body.inputs),
    ),
    post('/sandbox/api/command', commandSchema, (body, origin) =>
      sendSlashCommand(deps, origin, body.channel, body.text),
    ),
    post('/sandbox/api/home', z.object({}), (_body, origin) => sendAppHomeOpened(deps, origin)),
  ];
}

function describeClock(clock: SandboxClock) {
  return { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs() };
}

function describeSamples() {
  return sandboxSamples.map(({ id, label }) => ({ id, label }));
}

/** A POST route taking a JSON body checked by `schema`; answers what the forwarded request got back. */
function post<T>(
  path: string,
  schema: z.ZodType<T>,
  run: (body: T, origin: string) => Promise<unknown>,
): Route {
  return {
    method: 'POST',
    path,
    async handle(req: IncomingMessage, res: ServerResponse, log: RequestLog) {
      log.outcome = 'sandbox';
      // Requiring JSON makes a cross-site form post impossible: browsers preflight it, and we never allow it.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'expected application/json' });
      }
      const parsed = schema.safeParse(await readJson(req));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      try {
        sendJson(res, 200, await run(parsed.data, selfOrigin(req)));
      } catch (error) {
        if (error instanceof PastedNotificationError) return sendJson(res, 400, { error: error.message });
        if (!(error instanceof SandboxRequestError)) throw error;
        sendJson(res, 404, { error: error.message });
      }
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Klaxon's own origin as seen on this connection, so forwarded requests stay on loopback. */
export function selfOrigin(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}
