import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { createBoltApp } from '../bot/create-bolt-app.ts';
import { registerListeners } from '../bot/listeners/register-listeners.ts';
import type { SnsContext } from '../core/notifications/sns-context.ts';
import { createRequestCounters } from '../observability/request-counters.ts';
import { createHealthRoute } from '../server/health-route.ts';
import { createHttpServer, type Route, sendPrometheus } from '../server/http-server.ts';
import { createSlackRoute } from '../server/slack-route.ts';
import { createSnsRoute } from '../server/sns-route.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import {
  createSlackIdentityService,
  type ScheduleRetry,
  type SlackIdentity,
  type SlackIdentityService,
} from '../slack/slack-identity.ts';
import { createSlackRequestStore } from '../store/slack-request-store.ts';
import { createInFlightWork, type InFlightWork } from '../util/in-flight-work.ts';
import { pollWithDeadline } from '../util/poll-with-deadline.ts';
import { type CoreOptions, createCore, type KlaxonCore } from './create-core.ts';
import { startPeriodicSweep } from './periodic-sweep.ts';

export interface KlaxonOptions extends CoreOptions {
  slack: {
    token: string;
    signingSecret: string;
    apiUrl?: string;
    /** A known identity (offline runs, the local stand-in for Slack): `auth.test` is then never called. */
    botIdentity?: SlackIdentity;
    /** Only requests of this app are served (SLACK_APP_ID); any app of the token's workspace otherwise. */
    appId?: string;
    /** When to retry `auth.test` while Slack is down (tests run retries by hand). */
    scheduleRetry?: ScheduleRetry;
  };
  /** Extra routes (the sandbox page in local mode). */
  extraRoutes?: Route[];
}

export interface Klaxon {
  server: Server;
  /** The shared core (SNS context, listener deps, runners), for sweeps and tests. */
  core: KlaxonCore;
  bolt: App;
  sns: SnsContext;
  /** Who the token is and whether Slack answers; `start()` rejects with SlackTokenRejectedError. */
  slackIdentity: SlackIdentityService;
  /** Slack listeners' work still running after Slack was answered (a click's change, a modal's). */
  slackWork: InFlightWork;
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, finishes in-flight requests and outbox steps scheduled for later, then closes. */
  close(timeoutMs?: number): Promise<void>;
}

/** The long-running server: the shared core behind a node:http server, with Bolt's HTTP receiver. */
export function createKlaxon(options: KlaxonOptions): Klaxon {
  const core = createCore(options);
  const { sns, scheduler, commands } = core;
  const alerts = options.store.alerts;
  const slackIdentity = createSlackIdentity(options);
  const slackWork = createInFlightWork();
  const { app: bolt, receiver } = createBoltApp({
    token: options.slack.token,
    signingSecret: options.slack.signingSecret,
    slackApiUrl: options.slack.apiUrl,
    identity: slackIdentity.identity,
    logger: options.logger,
    work: slackWork,
  });
  registerListeners(bolt, core.listenerDeps);
  const counters = createRequestCounters();
  const stopSweep = startPeriodicSweep(core.sweep, options.logger);
  const routes: Route[] = [
    { method: 'POST', path: '/sns', handle: createSnsRoute(sns) },
    { method: 'GET', path: '/healthz', handle: createHealthRoute(() => alerts.ping(), slackIdentity.status) },
    {
      method: 'GET',
      path: '/metrics',
      handle: (_req, res) => sendPrometheus(res, counters.renderPrometheus()),
    },
    {
      method: 'POST',
      path: '/slack/events',
      handle: createSlackRoute(
        {
          signingSecret: options.slack.signingSecret,
          ...(options.slack.appId ? { appId: options.slack.appId } : {}),
          resolveIdentity: slackIdentity.resolveIdentity,
          requests: createSlackRequestStore(options.store.entities),
          now: sns.now,
        },
        receiver.requestListener,
      ),
    },
    ...(options.extraRoutes ?? []),
  ];
  const { server, inFlight } = createHttpServer(routes, options.logger, counters);
  return {
    server,
    core,
    bolt,
    sns,
    slackIdentity,
    slackWork,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
      }),
    async close(timeoutMs = 10_000) {
      stopSweep();
      slackIdentity.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await pollWithDeadline(
        async () => inFlight(),
        (n): n is number => n === 0,
        { timeoutMs, intervalMs: 20 },
      );
      // Clicks and modals answered already, their work still running: it may schedule outbox steps.
      await slackWork.settled(timeoutMs);
      await scheduler?.flush();
      scheduler?.stop();
      // Slash-command work still running here gets to deliver its answer (or a "restarting" notice).
      await commands.runner.drain?.(timeoutMs);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Asked at once, without waiting: the start path awaits `start()` itself to refuse a rejected token. */
function createSlackIdentity(options: KlaxonOptions): SlackIdentityService {
  const service = createSlackIdentityService({
    // One attempt per call: the service's own backoff does the retrying, and logs the outage once.
    client: createSlackWebClient({
      token: options.slack.token,
      slackApiUrl: options.slack.apiUrl,
      retries: 0,
    }),
    logger: options.logger,
    schedule: options.slack.scheduleRetry,
    known: options.slack.botIdentity,
  });
  service.start().catch(() => undefined);
  return service;
}
