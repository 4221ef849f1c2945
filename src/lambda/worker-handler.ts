import type { Context } from 'aws-lambda';
import { createCore, type KlaxonCore } from '../app/create-core.ts';
import { createAwsClients } from '../aws/aws-clients.ts';
import { runActionJob } from '../core/buttons/action-job.ts';
import { readActionInvocation } from '../core/buttons/lambda-action-runner.ts';
import { readCommandInvocation } from '../core/commands/lambda-invoke-runner.ts';
import { runKlaxonCommand } from '../core/commands/run-klaxon-command.ts';
import { readEnrichInvocation } from '../core/enrich/enrich-invocation.ts';
import { defaultEnrichers } from '../core/enrich/enrichment-registry.ts';
import { drainAlert } from '../core/outbox/drain-alert.ts';
import {
  createLambdaCore,
  createRefreshingRuntime,
  type LambdaCore,
  type LambdaCoreOverrides,
} from './lambda-core.ts';

const stopMarginMs = 10_000;

/** The services the worker serves: commands, clicks, lookups (the outbox) and the sweep. */
type WorkerRuntime = LambdaCore<Pick<KlaxonCore, 'commands' | 'actions' | 'outbox' | 'sweep'>>;

/**
 * The worker: slash-command queries handed over by the Slack function (asynchronous invocations), and the
 * per-minute schedule that does what timers do in the long-running server — ending expired mutes with their
 * summary and running the Slack steps outboxes still hold (Slack was down, a step came due, a drain died).
 */
export function createWorkerHandler(getRuntime: () => Promise<WorkerRuntime>) {
  return async (event: unknown, context: Context): Promise<{ handled: string }> => {
    const runtime = await getRuntime();
    const job = readCommandInvocation(event);
    if (job) {
      const stopBy = Date.now() + context.getRemainingTimeInMillis() - stopMarginMs;
      const result = await runKlaxonCommand(job, runtime.core.commands.deps, { stopBy });
      runtime.logger.info({ transport: 'worker', command: job.command, result }, 'command');
      return { handled: 'command' };
    }
    const click = readActionInvocation(event);
    if (click) {
      await runActionJob(runtime.core.actions, click);
      runtime.logger.info({ transport: 'worker', action: click.kind, alertId: click.alertId }, 'action');
      return { handled: 'action' };
    }
    const enrichAlertId = readEnrichInvocation(event);
    if (enrichAlertId) return runEnrichments(runtime, enrichAlertId);
    if (isScheduledEvent(event)) return runSweep(runtime);
    runtime.logger.warn(
      { transport: 'worker' },
      'ignored an event that is neither a command nor the schedule',
    );
    return { handled: 'nothing' };
  };
}

/**
 * A failed sweep is logged (`outcome: sweep-failed`, which the self-alarm counts) and not thrown: Lambda would
 * retry the scheduled invocation twice and then fill the dead-letter queue, while the next minute's sweep
 * does the same work anyway.
 */
/** The lookups the SNS function left in the alert's outbox; busy or failed, the next sweep runs them. */
async function runEnrichments(runtime: WorkerRuntime, alertId: string): Promise<{ handled: string }> {
  const drained = await drainAlert(runtime.core.outbox, alertId, `worker:enrich:${alertId}`, {
    enrich: true,
  });
  runtime.logger.info({ transport: 'worker', alertId, outcome: drained.outcome }, 'enrichment');
  return { handled: 'enrichment' };
}

async function runSweep(runtime: WorkerRuntime): Promise<{ handled: string }> {
  try {
    const swept = await runtime.core.sweep();
    runtime.logger.info({ transport: 'worker', outcome: 'swept', ...swept }, 'sweep');
    return { handled: 'sweep' };
  } catch (error) {
    runtime.logger.error(
      { transport: 'worker', outcome: 'sweep-failed', err: error },
      'sweep failed; the next one retries',
    );
    return { handled: 'sweep-failed' };
  }
}

function isScheduledEvent(event: unknown): boolean {
  const candidate = event as { source?: string; 'detail-type'?: string } | null;
  return candidate?.source === 'aws.events' && candidate['detail-type'] === 'Scheduled Event';
}

/**
 * The worker runs commands, clicks, lookups and the sweep: every service but Bolt's listeners (which are a
 * plain object, never registered here), with the AWS clients and the lookups.
 */
export const createWorkerCore = (env: NodeJS.ProcessEnv, overrides: LambdaCoreOverrides) =>
  createLambdaCore(
    env,
    {
      ...overrides,
      parts: { createAws: createAwsClients, enrichers: defaultEnrichers, ...overrides.parts },
    },
    createCore,
  );

export const handler = createWorkerHandler(createRefreshingRuntime(process.env, createWorkerCore));
