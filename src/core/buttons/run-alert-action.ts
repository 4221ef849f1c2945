import type { PermissionAction } from '../../config/config-schema.ts';
import type { AuditEntry, AuditWrite } from '../../model/alert-change.ts';
import type { SlackUserRef } from '../../model/alert-view.ts';
import type { ReplayClaim } from '../../model/replay-claim.ts';
import { formatCode } from '../../render/mrkdwn.ts';
import { checkPermission } from '../permissions/check-permission.ts';
import type { AlertActionDeps } from './action-deps.ts';

/** Audited action names: what auditors read in the export. */
export const AuditActions = {
  acknowledge: 'acknowledge',
  unacknowledge: 'unacknowledge',
  mute: 'mute',
  unmute: 'unmute',
  resolve: 'resolve',
  reopen: 'reopen',
  rerun: 'rerun',
  note: 'note',
} as const;
export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Undoing needs the same right as doing. */
const permissionOf: Record<AuditAction, PermissionAction> = {
  acknowledge: 'acknowledge',
  unacknowledge: 'acknowledge',
  mute: 'mute',
  unmute: 'mute',
  resolve: 'resolve',
  reopen: 'resolve',
  rerun: 'rerun',
  // Writing in the thread of an alert is part of having it.
  note: 'acknowledge',
};

export interface ActionRequest {
  action: AuditAction;
  alertId: string;
  actor: SlackUserRef;
  /** Where the person clicked: ephemeral answers go there (the alert's channel when absent). */
  channel?: string;
  params: Record<string, unknown>;
  /** The click's replay claim, left by the Slack request guard to be written with this action's audit record. */
  replayClaim?: ReplayClaim;
}

export interface ActionOutcome {
  /**
   * `refused`: the request asked for something the interface does not offer (a forged or stale click).
   * `replayed`: its Slack request was acted on already (a replay): nothing was written or told.
   */
  result: 'ok' | 'failed' | 'refused' | 'replayed';
  detail?: string;
  /** Told to the person only (chat.postEphemeral). */
  ephemeral?: string;
  /** The audit record was committed with the change itself. */
  audited?: boolean;
}

/**
 * The frame of every button and modal: permission check, the work, the audit record, the ephemeral
 * answer. The work commits its change with the audit record `perform` is handed (an audit record exists
 * exactly when its change happened); a refusal, a failure or "no change" is audited on its own. Exactly one
 * of these writes happens, and the click's replay claim (if the guard left it) rides in it: a replayed
 * click finds it taken, writes nothing and tells nobody.
 */
export async function runAlertAction(
  deps: AlertActionDeps,
  request: ActionRequest,
  perform: (audit: AuditWrite) => Promise<ActionOutcome>,
): Promise<ActionOutcome | { result: 'refused'; detail: string }> {
  const refusal = await refuseIfNotAllowed(deps, request);
  if (refusal) return { result: 'refused', detail: refusal };
  const entry = auditEntryOf(deps, request, { result: 'ok' });
  const outcome = await performSafely(deps, request, () =>
    perform({ entry, ...(request.replayClaim ? { replayClaim: request.replayClaim } : {}) }),
  );
  const { result, detail } = outcome;
  if (result === 'replayed') return replayed(deps, request);
  if (!outcome.audited && (await audit(deps, request, { result, detail })) === 'replayed') {
    return replayed(deps, request);
  }
  if (outcome.ephemeral) await tellUser(deps, request, outcome.ephemeral);
  return outcome;
}

function replayed(deps: Pick<AlertActionDeps, 'logger'>, request: ActionRequest): ActionOutcome {
  deps.logger.info(
    { action: request.action, alertId: request.alertId, user: request.actor.userId },
    'a replayed Slack request was not acted on again',
  );
  return { result: 'replayed' };
}

/** Checks the person's right; a refusal is audited and told, and its reason returned. */
export async function refuseIfNotAllowed(
  deps: AlertActionDeps,
  request: ActionRequest,
): Promise<string | undefined> {
  const permission = permissionOf[request.action];
  const verdict = await checkPermission(deps.config, deps.membership, permission, request.actor.userId);
  if (verdict.allowed) return undefined;
  if ((await audit(deps, request, { result: 'refused', detail: verdict.reason })) === 'replayed') {
    replayed(deps, request);
    return verdict.reason;
  }
  const refusal = `Not allowed: you may not ${request.action} this alert (${verdict.reason}).`;
  await tellUser(deps, request, `${refusal} ${describeGrant(permission, request.actor.userId)}`);
  return verdict.reason;
}

/** A refusal says who can change it and how, so the reader knows whom to ask for what. */
export function describeGrant(permission: PermissionAction, userId: string): string {
  return (
    `A Klaxon admin grants it by adding your user id ${formatCode(userId)} to ` +
    `${formatCode(`permissions.${permission}.users`)} (or one of your user groups to ` +
    `${formatCode(`permissions.${permission}.usergroups`)}) in the configuration file.`
  );
}

async function performSafely(
  deps: AlertActionDeps,
  request: ActionRequest,
  perform: () => Promise<ActionOutcome>,
): Promise<ActionOutcome> {
  try {
    return await perform();
  } catch (error) {
    deps.logger.error({ err: error, action: request.action, alertId: request.alertId }, 'action failed');
    return {
      result: 'failed',
      detail: (error as Error).message,
      ephemeral: `Klaxon could not ${request.action} this alert: ${(error as Error).message}`,
    };
  }
}

function auditEntryOf(
  deps: Pick<AlertActionDeps, 'now'>,
  request: ActionRequest,
  outcome: { result: 'ok' | 'failed' | 'refused'; detail?: string | undefined },
): AuditEntry {
  return {
    at: deps.now().toISOString(),
    actor: request.actor,
    action: request.action,
    alertId: request.alertId,
    params: request.params,
    result: outcome.result,
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
}

/** `replayed`: the request's replay claim was taken already, and nothing was written. */
export async function audit(
  deps: Pick<AlertActionDeps, 'store' | 'now' | 'logger'>,
  request: ActionRequest,
  outcome: { result: 'ok' | 'failed' | 'refused'; detail?: string | undefined },
): Promise<'written' | 'replayed' | 'lost'> {
  const entry = auditEntryOf(deps, request, outcome);
  try {
    if (!request.replayClaim) await deps.store.audit.append(entry);
    else if ((await deps.store.audit.appendClaimed(entry, request.replayClaim)) === 'replayed')
      return 'replayed';
    return 'written';
  } catch (error) {
    // The action already happened; losing its audit record must be loud in the logs.
    deps.logger.error({ err: error, request, outcome }, 'audit record could not be written');
    return 'lost';
  }
}

/** Ephemeral answers are a courtesy: a person who left the channel must not turn success into failure. */
export async function tellUser(deps: AlertActionDeps, request: ActionRequest, text: string): Promise<void> {
  const channel = request.channel ?? (await deps.store.alerts.loadAlert(request.alertId)).record?.channel;
  if (!channel) return;
  try {
    await deps.webClient.chat.postEphemeral({ channel, user: request.actor.userId, text });
  } catch (error) {
    deps.logger.warn({ err: error, channel, user: request.actor.userId }, 'ephemeral message failed');
  }
}
