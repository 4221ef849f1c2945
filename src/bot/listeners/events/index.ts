import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';

/** Registers the events listeners, one file each. */
export function registerEventsListeners(_app: App, _deps: ListenerDeps): void {}
