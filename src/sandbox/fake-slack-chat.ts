import { BLOCK_LIMITS, findBlocksError } from './fake-slack-blocks.ts';
import type { MethodHandler } from './fake-slack-method.ts';
import type { MessagePatch } from './fake-slack-state.ts';
import type { Params, SlackResult, StoredMessage } from './fake-slack-types.ts';

// Slack truncates or rejects top-level text beyond this many characters.
const MAX_TEXT_LENGTH = 40_000;

export function readString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Form bodies carry booleans as strings. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function fail(error: string, messages?: string[]): SlackResult {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

/** The message object Slack returns: no channel field, and reply_count instead of the replies themselves. */
export function toSlackMessage(message: StoredMessage): Params {
  const { channel: _channel, replies, ...fields } = message;
  const extra = replies.length > 0 ? { reply_count: replies.length, latest_reply: replies.at(-1)?.ts } : {};
  return { type: 'message', ...fields, ...extra };
}

function readContent(params: Params): MessagePatch {
  const content: MessagePatch = { text: readString(params, 'text') ?? '' };
  if (params.blocks !== undefined) content.blocks = params.blocks as unknown[];
  if (params.attachments !== undefined) content.attachments = params.attachments as unknown[];
  if (params.metadata !== undefined) content.metadata = params.metadata;
  return content;
}

function checkContent(params: Params): SlackResult | undefined {
  const text = readString(params, 'text');
  if (!text && params.blocks === undefined && params.attachments === undefined) return fail('no_text');
  if (text && text.length > MAX_TEXT_LENGTH) return fail('msg_too_long');
  if (params.blocks === undefined) return undefined;
  const blocksError = findBlocksError(params.blocks, BLOCK_LIMITS.messageBlocks);
  return blocksError ? fail('invalid_blocks', [`[ERROR] ${blocksError}`]) : undefined;
}

/**
 * Slack accepts `#name` where a channel id is expected and answers with the id; an unknown name is
 * `channel_not_found`. Ids are taken as they are (any id is a channel in the fake).
 */
function resolveChannel(
  channel: string | undefined,
  channels: Record<string, { name: string }>,
): string | undefined {
  if (!channel?.startsWith('#')) return channel;
  const name = channel.slice(1);
  return Object.entries(channels).find(([, info]) => info.name === name)?.[0];
}

const postMessage: MethodHandler = (params, { state, identity, events }) => {
  const channel = resolveChannel(readString(params, 'channel'), identity.channels);
  if (!channel) return fail('channel_not_found');
  const contentError = checkContent(params);
  if (contentError) return contentError;
  const message = state.addMessage({
    ...readContent(params),
    channel,
    user: identity.botUserId,
    bot_id: identity.botId,
    thread_ts: readString(params, 'thread_ts'),
    reply_broadcast: isTrue(params.reply_broadcast),
  });
  if (!message) return fail('thread_not_found');
  events.emit('message-posted', message);
  return { ok: true, channel, ts: message.ts, message: toSlackMessage(message) };
};

const updateMessage: MethodHandler = (params, { state, identity, events }) => {
  const channel = readString(params, 'channel');
  const ts = readString(params, 'ts');
  if (!channel) return fail('channel_not_found');
  if (!ts || !state.findMessage(channel, ts)) return fail('message_not_found');
  const contentError = checkContent(params);
  if (contentError) return contentError;
  const message = state.updateMessage(channel, ts, readContent(params), identity.botUserId)!;
  events.emit('message-updated', message);
  return { ok: true, channel, ts, text: message.text, message: toSlackMessage(message) };
};

const deleteMessage: MethodHandler = (params, { state, events }) => {
  const channel = readString(params, 'channel');
  const ts = readString(params, 'ts');
  if (!channel) return fail('channel_not_found');
  const message = ts ? state.deleteMessage(channel, ts) : undefined;
  if (!message) return fail('message_not_found');
  events.emit('message-deleted', message);
  return { ok: true, channel, ts };
};

const postEphemeral: MethodHandler = (params, { state, events }) => {
  const channel = readString(params, 'channel');
  const user = readString(params, 'user');
  if (!channel) return fail('channel_not_found');
  if (!user) return fail('user_not_in_channel');
  const contentError = checkContent(params);
  if (contentError) return contentError;
  const { text, blocks } = readContent(params);
  const ephemeral = {
    channel,
    user,
    message_ts: state.createTs(),
    text,
    blocks,
    thread_ts: readString(params, 'thread_ts'),
  };
  state.ephemerals.push(ephemeral);
  events.emit('ephemeral', ephemeral);
  return { ok: true, message_ts: ephemeral.message_ts };
};

const getPermalink: MethodHandler = (params, { state, identity }) => {
  const channel = readString(params, 'channel');
  const ts = readString(params, 'message_ts');
  if (!channel) return fail('channel_not_found');
  if (!ts || !state.findMessage(channel, ts)) return fail('message_not_found');
  const permalink = `https://${identity.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return { ok: true, channel, permalink };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.delete': deleteMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
};
