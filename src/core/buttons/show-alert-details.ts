import type { SlackUserRef } from '../../model/alert-view.ts';
import { renderAlertDetailsModal } from '../../render/alert-details.ts';
import { alertViewOf } from '../../render/alert-view-of.ts';
import type { AlertActionDeps } from './action-deps.ts';

/**
 * The Details button: everything the root leaves out, in a modal for the one who asked, so a reader's
 * curiosity never adds to the thread. Reading changes nothing, so it needs no permission and no audit.
 */
export async function showAlertDetails(
  deps: AlertActionDeps,
  input: { alertId: string; actor: SlackUserRef; triggerId: string },
): Promise<void> {
  const { record, mute } = await deps.store.alerts.loadAlert(input.alertId);
  if (!record) {
    deps.logger.warn({ alertId: input.alertId, userId: input.actor.userId }, 'details of an unknown alert');
    return;
  }
  const accountNames = deps.config?.accounts;
  const view = alertViewOf(record, mute, deps.now(), accountNames ? { accountNames } : {});
  await deps.webClient.views.open({ trigger_id: input.triggerId, view: renderAlertDetailsModal(view) });
}
