import type { WebClient } from '@slack/web-api';

/**
 * Answers "is this user in that user group?" from `usergroups.users.list`, cached per group for `ttlMs`
 * so a burst of button clicks costs one Slack call per group, not one per click.
 */
export function createUsergroupMembership(
  webClient: WebClient,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { users: Promise<Set<string>>; fetchedAt: number }>();

  function usersOf(usergroupId: string): Promise<Set<string>> {
    const cached = cache.get(usergroupId);
    if (cached && now() - cached.fetchedAt < ttlMs) return cached.users;
    const users = webClient.usergroups.users
      .list({ usergroup: usergroupId })
      .then((response) => new Set(response.users ?? []));
    cache.set(usergroupId, { users, fetchedAt: now() });
    users.catch(() => cache.delete(usergroupId));
    return users;
  }

  return {
    async isMember(usergroupId: string, userId: string): Promise<boolean> {
      return (await usersOf(usergroupId)).has(userId);
    },
  };
}
export type UsergroupMembership = ReturnType<typeof createUsergroupMembership>;
