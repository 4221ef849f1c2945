import type { App } from '@slack/bolt';
import { registerActionsListeners } from './actions/index.ts';
import { registerCommandsListeners } from './commands/index.ts';
import { registerEventsListeners } from './events/index.ts';
import type { ListenerDeps } from './listener-deps.ts';
import { registerViewsListeners } from './views/index.ts';

export type { ListenerDeps };

/** Registers every Slack listener: one file per action, command, view and event. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerActionsListeners(app, deps);
  registerViewsListeners(app, deps);
  registerCommandsListeners(app, deps);
  registerEventsListeners(app, deps);
}
