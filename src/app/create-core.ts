import type { ListenerDeps } from '../bot/listeners/listener-deps.ts';
import { type ActionOptions, createActionService } from './create-action-service.ts';
import { type CommandOptions, createCommandService } from './create-command-service.ts';
import { createNotificationService, type NotificationOptions } from './create-notification-service.ts';
import { createSweepService } from './create-sweep-service.ts';

export interface CoreOptions extends NotificationOptions, ActionOptions, CommandOptions {}

/**
 * The one composition root: builds the context every transport serves from — the store, the Slack client,
 * the outbox runtime, and the named services `sns`, `actions` (buttons, modals, App Home), `commands` and
 * `sweep`. Each service has its own builder, so a runtime that serves fewer builds (and bundles) fewer:
 * the server, the Slack function and the worker build them all here; the SNS function builds the
 * notification service alone (src/lambda/sns-handler.ts) and so bundles no button, command or sweep code.
 */
export function createCore(options: CoreOptions) {
  const base = createNotificationService(options);
  const actionService = createActionService(base, options);
  const commands = createCommandService(base, actionService, options);
  const listenerDeps: ListenerDeps = {
    ...actionService.actions,
    aws: options.aws,
    commandRunner: commands.runner,
    actionRunner: actionService.actionRunner,
  };
  return {
    ...base,
    ...actionService,
    commands,
    listenerDeps,
    ...createSweepService(base, actionService, options),
  };
}
export type KlaxonCore = ReturnType<typeof createCore>;
