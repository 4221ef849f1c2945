import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { createBoltApp } from '../bot/create-bolt-app.ts';
import { registerListeners } from '../bot/listeners/register-listeners.ts';
import type { SnsContext } from '../handlers/sns-context.ts';
import { createRequestCounters } from '../observability/request-counters.ts';
import { createHealthRoute } from '../server/health-route.ts';
import { createHttpServer, type Route, sendPrometheus } from '../server/http-server.ts';
import { createSnsRoute } from '../server/sns-route.ts';
import { pollWithDeadline } from '../util/poll-with-deadline.ts';
import { type CoreOptions, createCore, type KlaxonCore } from './create-core.ts';
import { startPeriodicSweep } from './periodic-sweep.ts';

export interface KlaxonOptions extends CoreOptions {
  slack: {
    token: string;
    signingSecret: string;
    apiUrl?: string;
    botIdentity?: { botId: string; botUserId: string };
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
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, finishes in-flight requests and outbox steps scheduled for later, then closes. */
  close(timeoutMs?: number): Promise<void>;
}

/** The long-running server: the shared core behind a node:http server, with Bolt's HTTP receiver. */
export function createKlaxon(options: KlaxonOptions): Klaxon {
  const core = createCore(options);
  const { sns, scheduler, commands } = core;
  const alerts = options.store.alerts;
  const { app: bolt, receiver } = createBoltApp({
    token: options.slack.token,
    signingSecret: options.slack.signingSecret,
    slackApiUrl: options.slack.apiUrl,
    botIdentity: options.slack.botIdentity,
  });
  registerListeners(bolt, core.listenerDeps);
  const counters = createRequestCounters();
  const stopSweep = startPeriodicSweep(core.sweep, options.logger);
  const routes: Route[] = [
    { method: 'POST', path: '/sns', handle: createSnsRoute(sns) },
    { method: 'GET', path: '/healthz', handle: createHealthRoute(() => alerts.ping()) },
    {
      method: 'GET',
      path: '/metrics',
      handle: (_req, res) => sendPrometheus(res, counters.renderPrometheus()),
    },
    {
      method: 'POST',
      path: '/slack/events',
      handle: (req, res, log) => {
        log.outcome = 'slack';
        receiver.requestListener(req, res);
      },
    },
    ...(options.extraRoutes ?? []),
  ];
  const { server, inFlight } = createHttpServer(routes, options.logger, counters);
  return {
    server,
    core,
    bolt,
    sns,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
      }),
    async close(timeoutMs = 10_000) {
      stopSweep();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await pollWithDeadline(
        async () => inFlight(),
        (n): n is number => n === 0,
        { timeoutMs, intervalMs: 20 },
      );
      await scheduler?.flush();
      scheduler?.stop();
      // Slash-command work still running here gets to deliver its answer (or a "restarting" notice).
      await commands.runner.drain?.(timeoutMs);
      server.closeAllConnections();
      await closed;
    },
  };
}
