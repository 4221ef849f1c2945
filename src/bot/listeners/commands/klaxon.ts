import type { App } from '@slack/bolt';
import { acknowledgeKlaxonCommand } from '../../../core/commands/acknowledge-command.ts';
import { buildCommandJob } from '../../../core/commands/command-job.ts';
import type { CommandWorkRunner } from '../../../core/commands/command-runner.ts';
import { buildParseOptions } from '../../../core/commands/parse-options.ts';
import { renderCommandCrashed } from '../../../render/command-replies.ts';
import type { ListenerDeps } from '../listener-deps.ts';

/** `/klaxon`: acknowledge at once (usage and help in the acknowledgement), then hand the work off. */
export function registerKlaxonCommand(app: App, deps: ListenerDeps, runner: CommandWorkRunner): void {
  app.command('/klaxon', async ({ command, ack, respond }) => {
    const issuedAt = deps.now();
    const reply = acknowledgeKlaxonCommand(
      command.command,
      command.text,
      buildParseOptions(deps.config, issuedAt),
    );
    await ack({ response_type: reply.response_type, ...reply.message });
    if (!reply.dispatch) return;
    try {
      await runner.dispatch(buildCommandJob(command, issuedAt));
    } catch (error) {
      deps.logger.error({ err: error, text: command.text }, 'could not dispatch a /klaxon command');
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...renderCommandCrashed(command.command, command.text),
      });
    }
  });
}
