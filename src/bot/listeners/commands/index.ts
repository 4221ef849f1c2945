import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';

/** Registers the commands listeners, one file each. */
export function registerCommandsListeners(_app: App, _deps: ListenerDeps): void {}
