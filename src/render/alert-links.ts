import type { ActionsBlock, Button } from '@slack/types';
import type { AlertView } from '../model/alert-view.ts';
import { AlertLinkIds } from './action-values.ts';
import { toButtonUrl } from './mrkdwn.ts';

export const AlertLinksBlockId = 'klaxon_alert_links';

/** Where to look next, as buttons: the AWS console, the logs of what failed, the team's runbook. */
export function renderAlertLinks(view: AlertView): ActionsBlock[] {
  const { alert } = view;
  const buttons = [
    linkButton(AlertLinkIds.console, 'Open in console', alert.consoleUrl),
    linkButton(AlertLinkIds.logs, 'Logs', alert.logsUrl),
    linkButton(AlertLinkIds.runbook, 'Runbook', alert.runbookUrl),
  ].filter((button): button is Button => button !== undefined);
  if (buttons.length === 0) return [];
  return [{ type: 'actions', block_id: AlertLinksBlockId, elements: buttons }];
}

function linkButton(actionId: string, label: string, url: string | undefined): Button | undefined {
  const safe = toButtonUrl(url);
  if (!safe) return undefined;
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label, emoji: true },
    url: safe,
  };
}
