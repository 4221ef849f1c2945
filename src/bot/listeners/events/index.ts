import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerAppHomeOpened } from './app-home-opened.ts';

/** Registers the events listeners, one file each. */
export function registerEventsListeners(app: App, deps: ListenerDeps): void {
  registerAppHomeOpened(app, deps);
}
