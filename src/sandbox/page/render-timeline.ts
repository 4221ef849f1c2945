import type { EphemeralMessage, StoredMessage } from '../fake-slack-types.ts';
import type { SandboxChannel } from '../sandbox-state.ts';
import { asArray, asObject, asString, escapeHtml } from './html.ts';
import { renderBlocks } from './render-blocks.ts';
import { type MrkdwnContext, renderMrkdwn } from './render-mrkdwn.ts';

export interface TimelineOptions extends MrkdwnContext {
  /** Thread parents (ts) whose replies are shown. */
  openThreads: ReadonlySet<string>;
}

type Entry = { ts: string; html: string };

/** A channel as Slack shows it: messages and the user's ephemerals in time order, threads on demand. */
export function renderTimeline(
  channel: SandboxChannel,
  ephemerals: EphemeralMessage[],
  options: TimelineOptions,
): string {
  const entries: Entry[] = [
    ...channel.messages.map((message) => ({ ts: message.ts, html: renderMessage(message, options) })),
    ...ephemerals
      .filter((ephemeral) => ephemeral.channel === channel.id)
      .map((ephemeral) => ({ ts: ephemeral.message_ts, html: renderEphemeral(ephemeral, options) })),
  ];
  if (entries.length === 0) {
    return '<p class="empty">No messages yet. Fire a sample event on the right, or type a /klaxon command below.</p>';
  }
  return entries
    .sort((a, b) => Number(a.ts) - Number(b.ts))
    .map((entry) => entry.html)
    .join('');
}

function renderMessage(message: StoredMessage, options: TimelineOptions): string {
  const attributes = `data-container="message" data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(message.ts)}"`;
  const broadcast =
    message.subtype === 'thread_broadcast' ? '<div class="broadcast">replied to a thread</div>' : '';
  const edited = message.edited ? ' <span class="edited">(edited)</span>' : '';
  const body = renderBody(message, options);
  const thread = message.thread_ts === message.ts ? renderThread(message, options) : '';
  return `<article class="message" ${attributes}>${renderAvatar()}<div class="message-main">${renderByline(edited)}${broadcast}${body}${thread}</div></article>`;
}

function renderEphemeral(ephemeral: EphemeralMessage, options: TimelineOptions): string {
  const attributes = `data-container="ephemeral" data-channel="${escapeHtml(ephemeral.channel)}" data-message-ts="${escapeHtml(ephemeral.message_ts)}"`;
  const note = '<div class="ephemeral-note">👁 Only visible to you</div>';
  const body = renderBody(ephemeral, options);
  return `<article class="message ephemeral" ${attributes}>${renderAvatar()}<div class="message-main">${renderByline('')}${body}${note}</div></article>`;
}

/** Blocks when there are any; otherwise the text, which Slack then shows as mrkdwn. */
function renderBody(
  message: { text: string; blocks?: unknown[]; files?: unknown[] },
  options: TimelineOptions,
): string {
  const content =
    Array.isArray(message.blocks) && message.blocks.length > 0
      ? renderBlocks(message.blocks, options)
      : `<div class="bk-text">${renderMrkdwn(message.text, options)}</div>`;
  const files = asArray(message.files).map(renderFile);
  return `<div class="blocks">${content}${files.join('')}</div>`;
}

/** A shared file: an image the stand-in kept (a PNG data URL) is drawn under its title, as Slack does. */
function renderFile(file: unknown): string {
  const fields = asObject(file);
  const name = escapeHtml(asString(fields?.title || fields?.name));
  const preview = asString(fields?.sandbox_preview);
  if (!/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(preview)) return `<div class="file">📄 ${name}</div>`;
  const alt = escapeHtml(asString(fields?.alt_txt) || asString(fields?.title));
  return `<figure class="file file-image"><figcaption>${name}</figcaption><img src="${escapeHtml(preview)}" alt="${alt}"></figure>`;
}

function renderThread(message: StoredMessage, options: TimelineOptions): string {
  const count = message.replies.length;
  const open = options.openThreads.has(message.ts);
  const label = `${count} ${count === 1 ? 'reply' : 'replies'}${open ? ' — hide' : ''}`;
  const toggle = `<button type="button" class="thread-toggle" data-thread-ts="${escapeHtml(message.ts)}">${label}</button>`;
  if (!open) return toggle;
  const replies = message.replies.map((reply) => renderMessage(reply, options)).join('');
  return `${toggle}<div class="thread">${replies}</div>`;
}

function renderAvatar(): string {
  return '<div class="avatar" aria-hidden="true">K</div>';
}

// No clock: the fake Slack's ts values are a deterministic sequence, not the time a message was posted.
function renderByline(edited: string): string {
  return `<header class="byline"><span class="author">Klaxon</span> <span class="app-badge">APP</span>${edited}</header>`;
}
