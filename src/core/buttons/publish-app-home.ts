import { renderAppHome } from '../../render/app-home.ts';
import type { AlertActionDeps } from './action-deps.ts';

/** Builds the viewer's Home tab from four queries (open alerts, mutes, silences, their audit) and publishes it. */
export async function publishAppHome(
  deps: Pick<AlertActionDeps, 'store' | 'webClient' | 'now'> & Partial<Pick<AlertActionDeps, 'config'>>,
  userId: string,
): Promise<void> {
  const now = deps.now();
  const [openAlerts, activeMutes, recentActions, silences] = await Promise.all([
    deps.store.alerts.listOpenAlerts(50),
    deps.store.mutes.listActiveMutes(now, 50),
    deps.store.audit.listByUser(userId, 15),
    deps.store.silences.listActiveSilences(50),
  ]);
  // A silence whose end passed is over even before the sweep ends it.
  const activeSilences = silences.filter((silence) => Date.parse(silence.endsAt) > now.getTime());
  const known = new Set([...openAlerts.map((a) => a.alertId), ...activeMutes.map((m) => m.alertId)]);
  const otherTitles = await loadTitles(
    deps,
    recentActions.map((r) => r.alertId).filter((id) => id && !known.has(id)),
  );
  const accountNames = deps.config?.accounts;
  const view = renderAppHome({
    openAlerts,
    activeMutes,
    recentActions,
    otherTitles,
    activeSilences,
    now,
    accountNames,
  });
  await deps.webClient.views.publish({ user_id: userId, view });
}

/** Resolved alerts are in no list the Home reads, yet "you acknowledged <title>" reads better than an id. */
async function loadTitles(deps: Pick<AlertActionDeps, 'store'>, alertIds: Array<string | undefined>) {
  const unique = [...new Set(alertIds.filter((id): id is string => Boolean(id)))];
  const records = await deps.store.alerts.loadRecords(unique);
  return Object.fromEntries(records.map((record) => [record.alertId, record.alert.title]));
}
