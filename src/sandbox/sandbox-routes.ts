import type { Route } from '../server/http-server.ts';
import type { FakeSlackApi } from './fake-slack-api.ts';
import { createSandboxApiRoutes } from './sandbox-api.ts';
import { createSandboxAssetRoutes } from './sandbox-assets.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import { createSandboxEventStream } from './sandbox-events.ts';
import { createSampleFirer } from './sandbox-fire.ts';
import { defaultSandboxActor, type SandboxActor } from './sandbox-payloads.ts';
import { createSandboxState, type SandboxWorkspace } from './sandbox-state.ts';
import type { SnsSigner } from './sns-signer.ts';

export interface SandboxOptions {
  /** The local stand-in for Slack that Klaxon talks to. */
  api: FakeSlackApi;
  /** The signing secret Klaxon checks Slack requests with; the sandbox signs as Slack would. */
  signingSecret: string;
  /** The local SNS key Klaxon trusts in local mode only. */
  signer: SnsSigner;
  topicArn: string;
  workspace: SandboxWorkspace;
  actor?: SandboxActor;
  /** The clock Klaxon runs on; the page moves it forward. */
  clock: SandboxClock;
  /** What Klaxon runs once a minute (expired mutes, due outbox steps), run after each move of the clock. */
  sweep: () => Promise<unknown>;
}

export interface Sandbox {
  routes: Route[];
  /** Ends the page's event streams so that the server can close. */
  close(): void;
}

/**
 * The sandbox page at `/sandbox` and the endpoints behind it. Wired in local mode only: it signs SNS messages
 * with a key production never trusts and Slack requests with the local signing secret.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const actor = options.actor ?? defaultSandboxActor;
  const state = createSandboxState(options.api, options.workspace, actor);
  const stream = createSandboxEventStream(options.api);
  const now = () => new Date(options.clock.now());
  const firer = createSampleFirer({ signer: options.signer, topicArn: options.topicArn, now });
  const api = createSandboxApiRoutes({
    api: options.api,
    signingSecret: options.signingSecret,
    actor,
    state,
    firer,
    now: () => options.clock.now(),
    clock: options.clock,
    sweep: options.sweep,
  });
  const events: Route = {
    method: 'GET',
    path: '/sandbox/events',
    handle: (req, res) => stream.handle(req, res),
  };
  return { routes: [...api, events, ...createSandboxAssetRoutes()], close: () => stream.close() };
}
