import { BLOCK_LIMITS, findBlocksError } from './fake-slack-blocks.ts';
import { isTrue } from './fake-slack-chat.ts';
import type { MethodContext } from './fake-slack-method.ts';
import type { MessagePatch } from './fake-slack-state.ts';
import type { Params, ResponseUrlOrigin, ResponseUrlPost } from './fake-slack-types.ts';

// Slack's documented limits: a response_url accepts 5 posts within 30 minutes, then answers 404.
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

interface ResponseUrlEntry {
  origin: ResponseUrlOrigin;
  createdAt: number;
  posts: ResponseUrlPost[];
}

export interface HttpAnswer {
  status: number;
  body: Params;
}

/** The response_url hooks the fake has handed out, and what was posted to each. */
export class ResponseUrls {
  private readonly entries = new Map<string, ResponseUrlEntry>();

  create(id: string, origin: ResponseUrlOrigin): void {
    this.entries.set(id, { origin, createdAt: Date.now(), posts: [] });
  }

  posts(id: string): ResponseUrlPost[] {
    return [...(this.entries.get(id)?.posts ?? [])];
  }

  reset(): void {
    this.entries.clear();
  }

  receive(id: string, body: Params, context: MethodContext): HttpAnswer {
    const entry = this.entries.get(id);
    if (!entry) return { status: 404, body: { ok: false, error: 'invalid_url' } };
    if (Date.now() - entry.createdAt > RESPONSE_URL_LIFETIME_MS) {
      return { status: 404, body: { ok: false, error: 'expired_url' } };
    }
    if (entry.posts.length >= RESPONSE_URL_MAX_USES)
      return { status: 404, body: { ok: false, error: 'used_url' } };
    const blocksError =
      body.blocks === undefined ? undefined : findBlocksError(body.blocks, BLOCK_LIMITS.messageBlocks);
    if (blocksError)
      return { status: 400, body: { ok: false, error: 'invalid_blocks', detail: blocksError } };
    const post: ResponseUrlPost = {
      id,
      body,
      at: Date.now(),
      effect: applyResponse(entry.origin, body, context),
    };
    entry.posts.push(post);
    context.events.emit('response-url', post);
    return { status: 200, body: { ok: true } };
  }
}

function readPatch(body: Params): MessagePatch {
  const patch: MessagePatch = { text: typeof body.text === 'string' ? body.text : '' };
  if (body.blocks !== undefined) patch.blocks = body.blocks as unknown[];
  if (body.attachments !== undefined) patch.attachments = body.attachments as unknown[];
  return patch;
}

/** Acts on the source message like Slack: delete, replace, post in the channel, or show only to the user. */
function applyResponse(
  origin: ResponseUrlOrigin,
  body: Params,
  context: MethodContext,
): ResponseUrlPost['effect'] {
  const { state, events, identity } = context;
  const { channel, messageTs } = origin;
  if (channel && messageTs && isTrue(body.delete_original)) {
    const deleted = state.deleteMessage(channel, messageTs);
    if (deleted) events.emit('message-deleted', deleted);
    return 'deleted';
  }
  if (channel && messageTs && isTrue(body.replace_original) && state.findMessage(channel, messageTs)) {
    events.emit(
      'message-updated',
      state.updateMessage(channel, messageTs, readPatch(body), identity.botUserId),
    );
    return 'replaced';
  }
  if (channel && body.response_type === 'in_channel') {
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    const author = { user: identity.botUserId, bot_id: identity.botId };
    const message = state.addMessage({ ...readPatch(body), ...author, channel, thread_ts: threadTs });
    if (message) events.emit('message-posted', message);
    return 'in_channel';
  }
  return postEphemeralResponse(origin, body, context);
}

function postEphemeralResponse(origin: ResponseUrlOrigin, body: Params, context: MethodContext) {
  const { text, blocks } = readPatch(body);
  const ephemeral = {
    channel: origin.channel ?? '',
    user: origin.userId ?? '',
    message_ts: context.state.createTs(),
    text,
    blocks,
  };
  context.state.ephemerals.push(ephemeral);
  context.events.emit('ephemeral', ephemeral);
  return 'ephemeral' as const;
}
