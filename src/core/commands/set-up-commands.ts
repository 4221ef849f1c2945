import { renderCommandCrashed } from '../../render/command-replies.ts';
import {
  buildCommandDeps,
  type CommandDeps,
  type CommandDepsInput,
  type CommandOptions,
} from './command-deps.ts';
import { type CommandWorkRunner, createInProcessRunner } from './command-runner.ts';
import { runKlaxonCommand } from './run-klaxon-command.ts';

export interface CommandSetupOptions extends CommandOptions {
  /** Where the work runs; default: in this process (the long-running server). */
  runner?: CommandWorkRunner;
}

/** Builds the command dependencies once per process and the runner that uses them. */
export function setUpKlaxonCommands(
  input: CommandDepsInput,
  options: CommandSetupOptions = {},
): { deps: CommandDeps; runner: CommandWorkRunner } {
  const deps = buildCommandDeps(input, options);
  const runner =
    options.runner ??
    createInProcessRunner({
      work: async (job, signal) => {
        await runKlaxonCommand(job, deps, { signal });
      },
      logger: input.logger,
      notifyFailure: (job) =>
        deps.postToResponseUrl(job.responseUrl, {
          response_type: 'ephemeral',
          replace_original: true,
          ...renderCommandCrashed(job.command, job.text),
        }),
    });
  return { deps, runner };
}
