import { AlertActionIds, parseMuteOptionValue } from '../../render/action-values.ts';
import { MuteModalIds } from '../../render/mute-modal.ts';
import { NoteModalIds } from '../../render/note-modal.ts';
import { silenceExpireActionId } from '../../render/silences.ts';
import type { SlackRequestSummary } from '../slack-request-body.ts';

/**
 * What the listeners in this folder answer. Anything else is acknowledged at once and ignored, instead of
 * Bolt holding it for 3 seconds and answering 404 (which Slack shows the user as an error).
 */
export const handledSlackRequests = {
  actions: new Set<string>([...Object.values(AlertActionIds), silenceExpireActionId]),
  views: new Set<string>([MuteModalIds.callbackId, NoteModalIds.callbackId]),
  commands: new Set<string>(['/klaxon']),
  events: new Set<string>(['app_home_opened']),
} as const;

export function isHandledSlackRequest(request: SlackRequestSummary): boolean {
  const handled = handledSlackRequests;
  if (request.kind === 'command') return handled.commands.has(request.type);
  if (request.kind === 'event') return handled.events.has(request.type);
  if (request.kind !== 'interactive') return true;
  if (request.type === 'block_actions') return request.actionIds.some((id) => handled.actions.has(id));
  if (request.type === 'view_submission') return handled.views.has(request.callbackId ?? '');
  return false;
}

/**
 * Buttons whose work writes nothing and calls nobody before its one audit record (the change's, or a
 * refusal, failure or "no change" of its own): their replay claim is written with it, one store call fewer
 * than a claim of its own. The same holds for a Mute menu choice other than Custom… and for the mute and note
 * modals' submissions. Not among them: Rerun (Glue is called before its audit record), Custom… and the
 * buttons that open a modal or show details (they write nothing), and everything else.
 */
const auditedButtons = new Set<string>([
  AlertActionIds.acknowledge,
  AlertActionIds.unacknowledge,
  AlertActionIds.resolve,
  AlertActionIds.reopen,
  AlertActionIds.unmute,
]);
const auditedSubmissions = new Set<string>([MuteModalIds.callbackId, NoteModalIds.callbackId]);

export function isClaimedWithAudit(request: SlackRequestSummary): boolean {
  if (request.kind !== 'interactive') return false;
  if (request.type === 'view_submission') return auditedSubmissions.has(request.callbackId ?? '');
  if (request.type !== 'block_actions' || request.actionIds.length !== 1) return false;
  const [actionId] = request.actionIds;
  if (actionId === AlertActionIds.mute) {
    const option = parseMuteOptionValue(request.selectedOption ?? '');
    return option.ok && option.value.choice !== 'custom';
  }
  return auditedButtons.has(actionId ?? '');
}
