import { join } from 'node:path';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { defaultEnrichers } from '../core/enrich/enrichment-registry.ts';
import { labelSampleEnrichments } from '../sandbox/label-sample-enrichments.ts';
import { createSandboxAwsClients } from '../sandbox/sandbox-aws-clients.ts';
import { createPersistentSandboxClock } from '../sandbox/sandbox-clock.ts';
import { createSandbox } from '../sandbox/sandbox-routes.ts';
import { createSnsSigner } from '../sandbox/sns-signer.ts';
import { localSlackIdentity, localSlackWorkspace, startLocalSlack } from './local-slack.ts';

export const sandboxTopicArn = 'arn:aws:sns:us-east-1:000000000000:klaxon-sandbox';
/** Where the page's moves of the clock are kept, in the data directory beside the alerts. */
export const sandboxClockFileName = 'sandbox-clock.json';

/** The sandbox's person; Rerun is allowed for them so that the sample Glue job can be rerun. */
const sandboxUserId = 'U0SANDBOX';
const sandboxRootRefreshSeconds = 1;

/**
 * Everything sandbox mode adds when no Slack token is set: the local stand-in for Slack, an SNS signing key
 * made for this run (trusted only here), a clock the page can move forward, AWS clients that answer with
 * documented samples, and the /sandbox page's routes.
 */
export async function startSandboxMode(print: (text: string) => void, dataDir: string) {
  const local = await startLocalSlack(print, dataDir);
  const signer = createSnsSigner();
  const clock = createPersistentSandboxClock(join(dataDir, sandboxClockFileName));
  let sweep: () => Promise<unknown> = async () => undefined;
  const sandbox = createSandbox({
    api: local.api,
    signingSecret: local.signingSecret,
    signer,
    topicArn: sandboxTopicArn,
    workspace: localSlackWorkspace,
    clock,
    sweep: () => sweep(),
  });
  return {
    signer,
    clock,
    aws: createSandboxAwsClients(() => new Date(clock.now())),
    /** Every enrichment, run on the documented sample answers and titled as samples. */
    enrichers: labelSampleEnrichments(defaultEnrichers),
    routes: sandbox.routes,
    slack: {
      token: local.token,
      signingSecret: local.signingSecret,
      apiUrl: local.api.url,
      botIdentity: localSlackIdentity,
    },
    info: { signer, slackApiUrl: local.api.url, signingSecret: local.signingSecret, kept: local.kept, clock },
    /** Klaxon is built after the sandbox (its routes are part of it): its sweep is handed over here. */
    attachSweep: (run: () => Promise<unknown>) => {
      sweep = run;
    },
    /** The page's event streams never end by themselves: close them before the server, or it waits on them. */
    closePage: () => sandbox.close(),
    /** After the server: in-flight work may still be posting to the stand-in for Slack. */
    stopSlack: () => local.stop(),
  };
}
export type SandboxMode = Awaited<ReturnType<typeof startSandboxMode>>;

/**
 * A reminder five minutes after an unacknowledged alert, then a louder one: what "+5 min" on the page shows.
 * Used only when the configuration names no escalation anywhere.
 */
export const sandboxEscalation = {
  levels: [
    { afterMinutes: 5, targets: ['@here'] },
    { afterMinutes: 15, targets: ['@channel'] },
  ],
  severities: ['critical', 'high'],
} satisfies NonNullable<KlaxonConfig['escalation']>;

/**
 * The sandbox shows all of Klaxon, at once: a sample Athena table for `athena`, Rerun for its person, a
 * demonstration escalation, and a repeat's count on the root within a second (a workspace coalesces root
 * redraws to one a minute).
 */
export function adjustConfigForSandbox(config: KlaxonConfig): KlaxonConfig {
  const rerun = config.permissions.rerun;
  const escalates = config.escalation !== undefined || config.routes.some((route) => route.escalation);
  return {
    ...config,
    ...(escalates ? {} : { escalation: sandboxEscalation }),
    lifecycle: { ...config.lifecycle, rootRefreshSeconds: sandboxRootRefreshSeconds },
    permissions: {
      ...config.permissions,
      rerun: { ...rerun, users: [...new Set([...rerun.users, sandboxUserId])] },
    },
    queries: {
      ...config.queries,
      athena: config.queries.athena ?? {
        database: 'sample_database',
        table: 'cloudtrail_logs',
        workGroup: 'primary',
        catalog: 'AwsDataCatalog',
      },
    },
  };
}
