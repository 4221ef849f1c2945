import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';

/** Registers the actions listeners, one file each. */
export function registerActionsListeners(_app: App, _deps: ListenerDeps): void {}
