import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerKlaxonCommand } from './klaxon.ts';

/** Registers the commands listeners, one file each. */
export function registerCommandsListeners(app: App, deps: ListenerDeps): void {
  registerKlaxonCommand(app, deps, deps.commandRunner);
}
