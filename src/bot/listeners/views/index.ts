import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerMuteCustomSubmission } from './mute-custom-submission.ts';
import { registerNoteSubmission } from './note-submission.ts';

/** Registers the views listeners, one file each. */
export function registerViewsListeners(app: App, deps: ListenerDeps): void {
  registerMuteCustomSubmission(app, deps);
  registerNoteSubmission(app, deps);
}
