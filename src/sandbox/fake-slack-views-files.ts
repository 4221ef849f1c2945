import { BLOCK_LIMITS, findBlocksError } from './fake-slack-blocks.ts';
import { fail, readString } from './fake-slack-chat.ts';
import type { MethodContext, MethodHandler } from './fake-slack-method.ts';
import type { PendingFile } from './fake-slack-state.ts';
import type { Params, SlackResult, StoredView } from './fake-slack-types.ts';

function checkView(view: unknown): SlackResult | undefined {
  if (typeof view !== 'object' || view === null) return fail('invalid_arguments', ['[ERROR] missing view']);
  const blocksError = findBlocksError((view as Params).blocks, BLOCK_LIMITS.viewBlocks);
  return blocksError ? fail('invalid_arguments', [`[ERROR] ${blocksError}`]) : undefined;
}

function describeView(stored: StoredView, teamId: string): Params {
  return {
    ...stored.view,
    id: stored.id,
    hash: stored.hash,
    team_id: teamId,
    external_id: stored.external_id,
  };
}

const openView: MethodHandler = (params, { state, identity, events }) => {
  const triggerId = readString(params, 'trigger_id');
  if (!triggerId) return fail('invalid_trigger_id');
  const viewError = checkView(params.view);
  if (viewError) return viewError;
  const view = params.view as Params;
  const externalId = typeof view.external_id === 'string' ? view.external_id : undefined;
  const stored = state.saveView(view, { trigger_id: triggerId, external_id: externalId });
  events.emit('view-opened', stored);
  return { ok: true, view: describeView(stored, identity.teamId) };
};

const updateView: MethodHandler = (params, { state, identity, events }) => {
  const existing = state.findView(params.view_id, params.external_id);
  if (!existing) return fail('not_found');
  const hash = readString(params, 'hash');
  if (hash && hash !== existing.hash) return fail('hash_conflict');
  const viewError = checkView(params.view);
  if (viewError) return viewError;
  const { id: _id, hash: _hash, view: _view, ...extra } = existing;
  const stored = state.saveView(params.view as Params, extra, existing.id);
  events.emit('view-updated', stored);
  return { ok: true, view: describeView(stored, identity.teamId) };
};

// Slack keeps one Home tab view per user, so republishing keeps the view ID.
const publishView: MethodHandler = (params, { state, identity, events }) => {
  const userId = readString(params, 'user_id');
  if (!userId) return fail('invalid_arguments', ['[ERROR] missing required field: user_id']);
  const viewError = checkView(params.view);
  if (viewError) return viewError;
  const existing = [...state.views.values()].find((view) => view.user_id === userId);
  const stored = state.saveView(params.view as Params, { user_id: userId }, existing?.id);
  events.emit('home-published', stored);
  return { ok: true, view: describeView(stored, identity.teamId) };
};

const getUploadUrl: MethodHandler = (params, { state, origin }) => {
  const filename = readString(params, 'filename');
  const length = Number(params.length);
  if (!filename || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const id = state.createId('F');
  const altText = readString(params, 'alt_text');
  state.files.set(id, { id, filename, length, ...(altText ? { altText } : {}) });
  return { ok: true, upload_url: `${origin}/upload/${id}`, file_id: id };
};

function shareFiles(files: Params[], params: Params, context: MethodContext): void {
  const channel = readString(params, 'channel_id');
  if (!channel) return;
  const message = context.state.addMessage({
    channel,
    text: readString(params, 'initial_comment') ?? '',
    user: context.identity.botUserId,
    bot_id: context.identity.botId,
    files,
    thread_ts: readString(params, 'thread_ts'),
  });
  if (message) context.events.emit('message-posted', message);
}

const completeUpload: MethodHandler = (params, context) => {
  if (!Array.isArray(params.files) || params.files.length === 0) return fail('invalid_arguments');
  const files: Params[] = [];
  for (const entry of params.files as Params[]) {
    const pending = context.state.files.get(String(entry?.id));
    // Slack only completes files whose bytes actually arrived at the upload URL.
    if (!pending || pending.uploadedBytes === undefined) return fail('file_not_found');
    const title = typeof entry.title === 'string' ? entry.title : pending.filename;
    files.push({
      id: pending.id,
      name: pending.filename,
      title,
      size: pending.uploadedBytes,
      ...describeImage(pending),
    });
  }
  shareFiles(files, params, context);
  return { ok: true, files };
};

/** Small enough to keep inside the message, so the page can draw it and a restart keeps it. */
const maxPreviewBytes = 512 * 1024;
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Slack's file object names the type (`mimetype`, `filetype`) and the alt text (`alt_txt`); where Slack gives
 * thumbnail URLs that need the token, the stand-in keeps a small PNG as a data URL (`sandbox_preview`).
 */
function describeImage(pending: PendingFile): Params {
  const bytes = pending.content;
  const isPng = bytes !== undefined && pngSignature.every((byte, index) => bytes[index] === byte);
  if (!isPng) return {};
  const preview =
    bytes.byteLength <= maxPreviewBytes
      ? { sandbox_preview: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}` }
      : {};
  return {
    mimetype: 'image/png',
    filetype: 'png',
    ...(pending.altText ? { alt_txt: pending.altText } : {}),
    ...preview,
  };
}

export const viewAndFileMethods: Record<string, MethodHandler> = {
  'views.open': openView,
  'views.update': updateView,
  'views.publish': publishView,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
