import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { createBoltApp } from '../bot/create-bolt-app.ts';
import { registerListeners } from '../bot/listeners/register-listeners.ts';
import { createUsergroupMembership } from '../bot/permissions/usergroup-membership.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { createRootRefresher } from '../handlers/lifecycle/root-refresher.ts';
import type { SnsContext } from '../handlers/sns-context.ts';
import type { Logger } from '../observability/logger.ts';
import { createHealthRoute } from '../server/health-route.ts';
import { createHttpServer, type Route } from '../server/http-server.ts';
import { createSnsRoute } from '../server/sns-route.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackPoster } from '../slack/slack-poster.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import type { KlaxonStore } from '../store/open-store.ts';
import { pollUntil } from '../util/poll-until.ts';
import type { AwsClients } from './aws-clients.ts';

export interface KlaxonOptions {
  config: KlaxonConfig;
  logger: Logger;
  store: KlaxonStore;
  slack: {
    token: string;
    signingSecret: string;
    apiUrl?: string;
    botIdentity?: { botId: string; botUserId: string };
  };
  aws: AwsClients;
  fetchCertificate: CertificateFetcher;
  confirmSubscription: (subscribeUrl: string) => Promise<void>;
  now?: () => Date;
  /** Extra routes (the sandbox page in local mode). */
  extraRoutes?: Route[];
}

export interface Klaxon {
  server: Server;
  bolt: App;
  sns: SnsContext;
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, finishes in-flight requests and pending root refreshes, then closes. */
  close(timeoutMs?: number): Promise<void>;
}

/** The one composition root: everything Klaxon runs on is built here from explicit options. */
export function createKlaxon(options: KlaxonOptions): Klaxon {
  const now = options.now ?? (() => new Date());
  const webClient = createSlackWebClient({ token: options.slack.token, slackApiUrl: options.slack.apiUrl });
  const slack = createSlackPoster(webClient);
  const alerts = options.store.alerts;
  const refresher = createRootRefresher({ alerts, slack, now, logger: options.logger });
  const sns: SnsContext = {
    config: options.config,
    store: options.store,
    alerts,
    slack,
    fetchCertificate: options.fetchCertificate,
    confirmSubscription: options.confirmSubscription,
    scheduleRootRefresh: refresher.schedule,
    now,
    logger: options.logger,
    leaseMs: 60_000,
    rootWaitMs: 8_000,
  };
  const { app: bolt, receiver } = createBoltApp({
    token: options.slack.token,
    signingSecret: options.slack.signingSecret,
    slackApiUrl: options.slack.apiUrl,
    botIdentity: options.slack.botIdentity,
  });
  registerListeners(bolt, {
    config: options.config,
    store: options.store,
    slack,
    webClient,
    aws: options.aws,
    now,
    logger: options.logger,
    membership: createUsergroupMembership(webClient),
  });
  const routes: Route[] = [
    { method: 'POST', path: '/sns', handle: createSnsRoute(sns) },
    { method: 'GET', path: '/healthz', handle: createHealthRoute(() => alerts.ping()) },
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
  const { server, inFlight } = createHttpServer(routes, options.logger);
  return {
    server,
    bolt,
    sns,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
      }),
    async close(timeoutMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await pollUntil(
        async () => inFlight(),
        (n): n is number => n === 0,
        { timeoutMs, intervalMs: 20 },
      );
      await refresher.flush();
      server.closeAllConnections();
      await closed;
    },
  };
}
