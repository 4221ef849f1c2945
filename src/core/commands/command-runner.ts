import type { Logger } from '../../observability/logger.ts';
import { createInFlightWork } from '../../util/in-flight-work.ts';
import type { CommandJob } from './command-job.ts';

/**
 * Where the slow part of a command runs, after Slack has been acknowledged. In the long-running server it
 * is this process; on Lambda the acknowledgement ends the invocation, so the work goes to another one.
 */
export interface CommandWorkRunner {
  /** Resolves once the work is handed off (not when it is done). */
  dispatch(job: CommandJob): Promise<void>;
  /** Waits for handed-off work still running here (graceful shutdown); absent when nothing runs here. */
  drain?(timeoutMs?: number): Promise<void>;
}

export type CommandWork = (job: CommandJob, signal: AbortSignal) => Promise<void>;

export interface InProcessRunnerOptions {
  work: CommandWork;
  logger: Logger;
  /** Tells the user their command failed; called when `work` throws. Best effort. */
  notifyFailure: (job: CommandJob) => Promise<void>;
}

export interface InProcessCommandRunner extends CommandWorkRunner {
  drain(timeoutMs?: number): Promise<void>;
  inFlight(): number;
}

/** Runs commands in the background of this process and keeps their promises so shutdown can wait. */
export function createInProcessRunner(options: InProcessRunnerOptions): InProcessCommandRunner {
  const running = createInFlightWork();
  const shutdown = new AbortController();
  const runOne = async (job: CommandJob) => {
    try {
      await options.work(job, shutdown.signal);
    } catch (error) {
      options.logger.error({ err: error, command: job.command, text: job.text }, 'command work failed');
      await options.notifyFailure(job).catch((notifyError: unknown) => {
        options.logger.warn({ err: notifyError }, 'could not tell the user their command failed');
      });
    }
  };
  return {
    async dispatch(job) {
      running.track(runOne(job));
    },
    inFlight: running.count,
    async drain(timeoutMs = 10_000) {
      if (await running.settled(timeoutMs)) return;
      // Out of patience: queries stop (and say so to their users) instead of dying with the process.
      shutdown.abort();
      await running.settled(5_000);
    },
  };
}
