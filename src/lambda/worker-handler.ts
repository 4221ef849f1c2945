import type { Context } from 'aws-lambda';
import { readCommandInvocation } from '../core/commands/lambda-invoke-runner.ts';
import { runKlaxonCommand } from '../core/commands/run-klaxon-command.ts';
import { readEnrichInvocation } from '../core/enrich/enrich-invocation.ts';
import { drainAlert } from '../core/outbox/drain-alert.ts';
import { createLambdaCore, type LambdaCore, memoizeRuntime } from './lambda-core.ts';

const stopMarginMs = 10_000;

/**
 * The worker: slash-command queries handed over by the Slack function (asynchronous invocations), and the
 * per-minute schedule that does what timers do in the long-running server — ending expired mutes with their
 * summary and running the Slack steps outboxes still hold (Slack was down, a step came due, a drain died).
 */
export function createWorkerHandler(getRuntime: () => Promise<LambdaCore>) {
  return async (event: unknown, context: Context): Promise<{ handled: string }> => {
    const runtime = await getRuntime();
    const job = readCommandInvocation(event);
    if (job) {
      const stopBy = Date.now() + context.getRemainingTimeInMillis() - stopMarginMs;
      const result = await runKlaxonCommand(job, runtime.core.commands.deps, { stopBy });
      runtime.logger.info({ transport: 'worker', command: job.command, result }, 'command');
      return { handled: 'command' };
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

/** The lookups the SNS function left in the alert's outbox; busy or failed, the next sweep runs them. */
async function runEnrichments(runtime: LambdaCore, alertId: string): Promise<{ handled: string }> {
  const drained = await drainAlert(runtime.core.outbox, alertId, `worker:enrich:${alertId}`, {
    enrich: true,
  });
  runtime.logger.info({ transport: 'worker', alertId, outcome: drained.outcome }, 'enrichment');
  return { handled: 'enrichment' };
}

async function runSweep(runtime: LambdaCore): Promise<{ handled: string }> {
  const swept = await runtime.core.sweep();
  runtime.logger.info({ transport: 'worker', ...swept }, 'sweep');
  return { handled: 'sweep' };
}

function isScheduledEvent(event: unknown): boolean {
  const candidate = event as { source?: string; 'detail-type'?: string } | null;
  return candidate?.source === 'aws.events' && candidate['detail-type'] === 'Scheduled Event';
}

export const handler = createWorkerHandler(memoizeRuntime(() => createLambdaCore(process.env)));
