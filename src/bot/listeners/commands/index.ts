import type { App } from '@slack/bolt';
import { setUpKlaxonCommands } from '../../../handlers/commands/set-up-commands.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerKlaxonCommand } from './klaxon.ts';

/** Registers the commands listeners, one file each. */
export function registerCommandsListeners(app: App, deps: ListenerDeps): void {
  // The composition root passes its runner (so shutdown can drain it); this default keeps other callers working.
  const runner = deps.commandRunner ?? setUpKlaxonCommands(deps).runner;
  registerKlaxonCommand(app, deps, runner);
}
