import type { KlaxonConfig, PermissionAction, PermissionConfig } from '../../config/config-schema.ts';
import type { UsergroupMembership } from '../../slack/usergroup-membership.ts';

export type PermissionVerdict =
  | { allowed: true; via: 'everyone' | 'user' | 'usergroup' }
  | { allowed: false; reason: string };

/**
 * The one permission check, used by buttons, modals and slash commands alike. `everyone` means anyone who
 * can reach the alert's channel (Slack only shows the buttons there).
 */
export async function checkPermission(
  config: KlaxonConfig,
  membership: UsergroupMembership,
  action: PermissionAction,
  userId: string,
): Promise<PermissionVerdict> {
  const rule = config.permissions[action];
  if (rule.everyone) return { allowed: true, via: 'everyone' };
  if (rule.users.includes(userId)) return { allowed: true, via: 'user' };
  for (const usergroupId of rule.usergroups) {
    try {
      if (await membership.isMember(usergroupId, userId)) return { allowed: true, via: 'usergroup' };
    } catch {
      // A failed membership lookup refuses rather than allows: permissions fail closed.
      return { allowed: false, reason: `could not check membership of user group ${usergroupId}` };
    }
  }
  return { allowed: false, reason: `not allowed to ${action}` };
}

/** Whether a rule lets anybody at all: a button only someone may use is shown; one nobody may use is not. */
export function isGrantedToAnyone(rule: PermissionConfig): boolean {
  return rule.everyone || rule.users.length > 0 || rule.usergroups.length > 0;
}
