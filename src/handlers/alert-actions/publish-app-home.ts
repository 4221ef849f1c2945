import { renderAppHome } from '../../bot/blocks/app-home.ts';
import type { AlertActionDeps } from './action-deps.ts';

/** Builds the viewer's Home tab from three queries (open alerts, active mutes, their audit) and publishes it. */
export async function publishAppHome(
  deps: Pick<AlertActionDeps, 'store' | 'webClient' | 'now'>,
  userId: string,
): Promise<void> {
  const now = deps.now();
  const [openAlerts, activeMutes, recentActions] = await Promise.all([
    deps.store.alerts.listOpenAlerts(50),
    deps.store.mutes.listActiveMutes(now, 50),
    deps.store.audit.listByUser(userId, 15),
  ]);
  const view = renderAppHome({ openAlerts, activeMutes, recentActions, now });
  await deps.webClient.views.publish({ user_id: userId, view });
}
