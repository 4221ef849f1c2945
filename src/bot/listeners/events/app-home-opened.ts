import type { App } from '@slack/bolt';
import { publishAppHome } from '../../../core/buttons/publish-app-home.ts';
import type { ListenerDeps } from '../listener-deps.ts';

/** The Home tab is rebuilt each time it is opened, so it is never older than the last visit. */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await publishAppHome(deps, event.user);
  });
}
