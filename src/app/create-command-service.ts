import type { AwsClients } from '../aws/aws-clients.ts';
import { type CommandSetupOptions, setUpKlaxonCommands } from '../core/commands/set-up-commands.ts';
import type { ActionService } from './create-action-service.ts';
import type { NotificationService } from './create-notification-service.ts';

export interface CommandOptions {
  aws: AwsClients;
  /** Slash-command work: runner (default in-process), response window and progress times. */
  commands?: CommandSetupOptions;
}

/** The `commands` service (`/klaxon` and its queries): the server, the Slack function and the worker. */
export function createCommandService(
  base: NotificationService,
  { actions }: ActionService,
  options: CommandOptions,
) {
  return setUpKlaxonCommands(
    { ...actions, slack: base.outbox.slack, aws: options.aws },
    { ...options.commands, clock: options.commands?.clock ?? base.clock },
  );
}
