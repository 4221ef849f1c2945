import type { App } from '@slack/bolt';
import { AlertActionIds } from '../../../render/action-values.ts';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerStateButton } from './state-button.ts';

export function registerAcknowledge(app: App, deps: ListenerDeps): void {
  registerStateButton(app, deps, AlertActionIds.acknowledge, 'acknowledge');
}
