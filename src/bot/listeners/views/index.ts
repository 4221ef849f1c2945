import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';

/** Registers the views listeners, one file each. */
export function registerViewsListeners(_app: App, _deps: ListenerDeps): void {}
