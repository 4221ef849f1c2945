import type {
  EphemeralMessage,
  FakeSlackSnapshot,
  Params,
  StoredMessage,
  StoredView,
} from './fake-slack-types.ts';

// Deterministic timestamps make test output and sandbox screenshots stable; each step is 100µs.
const BASE_SECONDS = 1_700_000_000;
const TS_STEP_MICROS = 100;

export interface NewMessage {
  channel: string;
  text: string;
  user: string;
  bot_id: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  files?: unknown[];
  thread_ts?: string;
  reply_broadcast?: boolean;
}

export type MessagePatch = Pick<StoredMessage, 'text' | 'blocks' | 'attachments' | 'metadata'>;

export interface PendingFile {
  id: string;
  filename: string;
  length: number;
  uploadedBytes?: number;
  /** What arrived at the upload URL, and the `alt_text` it was announced with. */
  content?: Uint8Array;
  altText?: string;
}

/** In-memory workspace: channels with messages and threads, ephemerals, views and pending file uploads. */
export class FakeSlackState {
  private sequence = 0;
  private readonly channels = new Map<string, StoredMessage[]>();
  private readonly messagesByKey = new Map<string, StoredMessage>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, StoredView>();
  readonly files = new Map<string, PendingFile>();

  /** Unique and increasing across reset(), so a ts kept from before a reset never collides with a new one. */
  createTs(): string {
    this.sequence += 1;
    const micros = this.sequence * TS_STEP_MICROS;
    const seconds = BASE_SECONDS + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  createId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(9, '0')}`;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messagesByKey.get(`${channel}/${ts}`);
  }

  /** Returns the stored message, or undefined when thread_ts names no message in the channel. */
  addMessage(input: NewMessage): StoredMessage | undefined {
    const parent = input.thread_ts ? this.findThreadParent(input.channel, input.thread_ts) : undefined;
    if (input.thread_ts && !parent) return undefined;
    const { reply_broadcast, thread_ts: _ignored, ...fields } = input;
    const message: StoredMessage = { ...fields, ts: this.createTs(), replies: [] };
    if (parent) {
      message.thread_ts = parent.ts;
      parent.thread_ts = parent.ts;
      parent.replies.push(message);
      if (reply_broadcast) message.subtype = 'thread_broadcast';
    }
    // Like Slack, a broadcast reply shows in the channel as well as in its thread.
    if (!parent || reply_broadcast) this.channelMessages(input.channel).push(message);
    this.messagesByKey.set(`${input.channel}/${message.ts}`, message);
    return message;
  }

  updateMessage(channel: string, ts: string, patch: MessagePatch, editor: string): StoredMessage | undefined {
    const message = this.findMessage(channel, ts);
    if (!message) return undefined;
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) Object.assign(message, { [key]: value });
    }
    message.edited = { user: editor, ts: this.createTs() };
    return message;
  }

  deleteMessage(channel: string, ts: string): StoredMessage | undefined {
    const message = this.findMessage(channel, ts);
    if (!message) return undefined;
    this.messagesByKey.delete(`${channel}/${ts}`);
    removeFrom(this.channelMessages(channel), message);
    const parent = message.thread_ts ? this.findMessage(channel, message.thread_ts) : undefined;
    if (parent && parent !== message) removeFrom(parent.replies, message);
    return message;
  }

  /** Top-level messages (and broadcast replies) of a channel, each with its current content and replies. */
  listMessages(channel: string): StoredMessage[] {
    return [...(this.channels.get(channel) ?? [])];
  }

  saveView(view: Params, extra: Omit<StoredView, 'id' | 'hash' | 'view'>, id?: string): StoredView {
    const viewId = id ?? this.createId('V');
    const stored: StoredView = { ...extra, id: viewId, hash: this.createTs(), view: { ...view, id: viewId } };
    this.views.set(viewId, stored);
    return stored;
  }

  findView(viewId: unknown, externalId: unknown): StoredView | undefined {
    if (typeof viewId === 'string') return this.views.get(viewId);
    return [...this.views.values()].find((view) => view.external_id === externalId);
  }

  /** Channels that hold at least one message. */
  listChannels(): string[] {
    return [...this.channels.keys()].filter((channel) => this.channelMessages(channel).length > 0);
  }

  snapshot(): FakeSlackSnapshot {
    return { version: 1, sequence: this.sequence, channels: Object.fromEntries(this.channels) };
  }

  /** A broadcast reply is saved twice (in the channel and in its thread); it becomes one message again here. */
  restore(snapshot: FakeSlackSnapshot): void {
    this.reset();
    this.sequence = Math.max(this.sequence, snapshot.sequence);
    for (const [channel, saved] of Object.entries(snapshot.channels)) {
      const list = this.channelMessages(channel);
      for (const message of saved) {
        const known = this.findMessage(channel, message.ts);
        if (known) {
          list.push(known);
          continue;
        }
        list.push(message);
        this.messagesByKey.set(`${channel}/${message.ts}`, message);
        for (const reply of message.replies) this.messagesByKey.set(`${channel}/${reply.ts}`, reply);
      }
    }
  }

  reset(): void {
    this.channels.clear();
    this.messagesByKey.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.files.clear();
  }

  /** A reply's ts also works as thread_ts in Slack: it resolves to that reply's parent. */
  private findThreadParent(channel: string, threadTs: string): StoredMessage | undefined {
    const target = this.findMessage(channel, threadTs);
    if (!target?.thread_ts || target.thread_ts === target.ts) return target;
    return this.findMessage(channel, target.thread_ts);
  }

  private channelMessages(channel: string): StoredMessage[] {
    let list = this.channels.get(channel);
    if (!list) {
      list = [];
      this.channels.set(channel, list);
    }
    return list;
  }
}

function removeFrom<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}
