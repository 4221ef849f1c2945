import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.ts';
import { registerAcknowledge } from './acknowledge.ts';
import { registerAddNote } from './add-note.ts';
import { registerDetails } from './details.ts';
import { registerExpireSilence } from './expire-silence.ts';
import { registerMuteMenu } from './mute-menu.ts';
import { registerReopen } from './reopen.ts';
import { registerRerunGlueJob } from './rerun-glue-job.ts';
import { registerResolve } from './resolve.ts';
import { registerUnacknowledge } from './unacknowledge.ts';
import { registerUnmute } from './unmute.ts';

/** Registers the actions listeners, one file each. */
export function registerActionsListeners(app: App, deps: ListenerDeps): void {
  registerAcknowledge(app, deps);
  registerUnacknowledge(app, deps);
  registerMuteMenu(app, deps);
  registerUnmute(app, deps);
  registerResolve(app, deps);
  registerReopen(app, deps);
  registerRerunGlueJob(app, deps);
  registerDetails(app, deps);
  registerExpireSilence(app, deps);
  registerAddNote(app, deps);
}
