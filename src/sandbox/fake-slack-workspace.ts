import { fail, isTrue, readString, toSlackMessage } from './fake-slack-chat.ts';
import type { MethodHandler } from './fake-slack-method.ts';
import type { FakeSlackIdentity, Params } from './fake-slack-types.ts';

const authTest: MethodHandler = (_params, { identity }) => ({
  ok: true,
  url: `https://${identity.teamDomain}.slack.com/`,
  team: identity.teamDomain,
  user: 'klaxon',
  team_id: identity.teamId,
  user_id: identity.botUserId,
  bot_id: identity.botId,
  is_enterprise_install: false,
});

function describeUser(id: string, identity: FakeSlackIdentity): Params | undefined {
  const isBot = id === identity.botUserId;
  const known = isBot ? { name: 'klaxon', real_name: 'Klaxon' } : identity.users[id];
  if (!known) return undefined;
  const profile = {
    real_name: known.real_name,
    real_name_normalized: known.real_name,
    display_name: known.name,
    display_name_normalized: known.name,
  };
  return { id, team_id: identity.teamId, ...known, deleted: false, is_bot: isBot, tz: 'UTC', profile };
}

const usersInfo: MethodHandler = (params, { identity }) => {
  const user = describeUser(readString(params, 'user') ?? '', identity);
  return user ? { ok: true, user } : fail('user_not_found');
};

const usergroupUsers: MethodHandler = (params, { identity }) => {
  const users = identity.usergroups[readString(params, 'usergroup') ?? ''];
  return users ? { ok: true, users: [...users] } : fail('no_such_subteam');
};

// Any channel ID is accepted by chat.postMessage, so conversations.info answers for any ID too; configured
// channels get their real names.
const conversationsInfo: MethodHandler = (params, { identity }) => {
  const id = readString(params, 'channel');
  if (!id) return fail('channel_not_found');
  const known = identity.channels[id];
  const name = known?.name ?? id.toLowerCase();
  const isIm = id.startsWith('D');
  const channel = {
    id,
    name,
    is_channel: !isIm,
    is_im: isIm,
    is_private: known?.is_private ?? id.startsWith('G'),
    is_archived: false,
    is_member: known?.is_member ?? true,
  };
  return { ok: true, channel };
};

/** Slack returns message metadata only when asked (`include_all_metadata`). */
function withMetadataIf(message: Params, include: boolean): Params {
  if (include) return message;
  const { metadata: _metadata, ...rest } = message;
  return rest;
}

/** Newest first, like Slack; `limit` bounds the page. */
const conversationsHistory: MethodHandler = (params, { state }) => {
  const channel = readString(params, 'channel');
  if (!channel) return fail('channel_not_found');
  const include = isTrue(params.include_all_metadata);
  const limit = Number(readString(params, 'limit') ?? 100);
  const messages = state
    .listMessages(channel)
    .reverse()
    .slice(0, limit)
    .map((message) => withMetadataIf(toSlackMessage(message), include));
  return { ok: true, messages, has_more: false };
};

/** The parent first, then its replies oldest first, like Slack. */
const conversationsReplies: MethodHandler = (params, { state }) => {
  const channel = readString(params, 'channel');
  const ts = readString(params, 'ts');
  if (!channel) return fail('channel_not_found');
  const parent = ts ? state.findMessage(channel, ts) : undefined;
  if (!parent) return fail('thread_not_found');
  const include = isTrue(params.include_all_metadata);
  const limit = Number(readString(params, 'limit') ?? 1000);
  const messages = [parent, ...parent.replies]
    .slice(0, limit)
    .map((message) => withMetadataIf(toSlackMessage(message), include));
  return { ok: true, messages, has_more: false };
};

export const workspaceMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'usergroups.users.list': usergroupUsers,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
};
