import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { checkPermission } from '../../../src/core/permissions/check-permission.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../src/sandbox/fake-slack-api.ts';
import { createSlackWebClient } from '../../../src/slack/slack-client.ts';
import { createUsergroupMembership } from '../../../src/slack/usergroup-membership.ts';

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi({ usergroups: { S0ONCALL: ['U0ALICE', 'U0BOB'], S0EMPTY: [] } });
});
afterAll(async () => {
  await slack.close();
});

const config = parseConfig(
  {
    permissions: {
      rerun: { users: ['U0CAROL'], usergroups: ['S0EMPTY', 'S0ONCALL'] },
      mute: { everyone: false, usergroups: ['S0GONE'] },
    },
  },
  'test',
);

function membershipAt(clock: { now: number }) {
  const client = createSlackWebClient({ token: 'xoxb-test', slackApiUrl: slack.url, retries: 0 });
  return createUsergroupMembership(client, { ttlMs: 60_000, now: () => clock.now });
}

describe('checkPermission', () => {
  it('allows everyone by default for acknowledge, and nobody for rerun unless configured', async () => {
    const membership = membershipAt({ now: 0 });
    const defaults = parseConfig({}, 'defaults');
    expect(await checkPermission(defaults, membership, 'acknowledge', 'U0ANY')).toEqual({
      allowed: true,
      via: 'everyone',
    });
    expect(await checkPermission(defaults, membership, 'rerun', 'U0ANY')).toMatchObject({ allowed: false });
  });

  it('allows listed users and members of listed user groups, and refuses the rest', async () => {
    const membership = membershipAt({ now: 0 });
    expect(await checkPermission(config, membership, 'rerun', 'U0CAROL')).toEqual({
      allowed: true,
      via: 'user',
    });
    expect(await checkPermission(config, membership, 'rerun', 'U0BOB')).toEqual({
      allowed: true,
      via: 'usergroup',
    });
    expect(await checkPermission(config, membership, 'rerun', 'U0MALLORY')).toEqual({
      allowed: false,
      reason: 'not allowed to rerun',
    });
  });

  it('looks user group membership up once per group until the cache expires', async () => {
    slack.reset();
    const clock = { now: 0 };
    const membership = membershipAt(clock);
    await checkPermission(config, membership, 'rerun', 'U0ALICE');
    await checkPermission(config, membership, 'rerun', 'U0BOB');
    expect(slack.callsTo('usergroups.users.list').map((c) => c.params.usergroup)).toEqual([
      'S0EMPTY',
      'S0ONCALL',
    ]);
    clock.now = 61_000;
    await checkPermission(config, membership, 'rerun', 'U0ALICE');
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(4);
  });

  it('refuses when membership cannot be looked up (fails closed)', async () => {
    slack.failNext('usergroups.users.list', { error: 'no_such_subteam' });
    const verdict = await checkPermission(config, membershipAt({ now: 0 }), 'mute', 'U0ALICE');
    expect(verdict).toEqual({ allowed: false, reason: 'could not check membership of user group S0GONE' });
  });
});
