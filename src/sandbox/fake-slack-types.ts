import type { EventEmitter } from 'node:events';

export type Params = Record<string, unknown>;

/** One request the fake received, in arrival order. Failed (429/500) attempts are recorded too. */
export interface RecordedCall {
  method: string;
  params: Params;
  at: number;
}

export type FailureSpec = { status: 429; retryAfterSeconds: number } | { status: 500 } | { error: string };

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  files?: unknown[];
  thread_ts?: string;
  /** Set on a thread reply that was also shown in the channel. */
  subtype?: 'thread_broadcast';
  user: string;
  bot_id: string;
  edited?: { user: string; ts: string };
  /** Thread replies in posting order; only filled on top-level messages. */
  replies: StoredMessage[];
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface StoredView {
  id: string;
  trigger_id?: string;
  user_id?: string;
  external_id?: string;
  hash: string;
  view: Params;
}

/** Where a response_url came from, so replace_original/delete_original/in_channel can act on it. */
export interface ResponseUrlOrigin {
  channel?: string;
  messageTs?: string;
  userId?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Params;
  at: number;
  /** What the post did: replaced or deleted the source message, posted to the channel, or ephemeral. */
  effect: 'replaced' | 'deleted' | 'in_channel' | 'ephemeral';
}

export interface FakeUser {
  name: string;
  real_name: string;
}

/** A channel the fake knows by name; a private one the bot is not in answers `is_member: false`. */
export interface FakeChannel {
  name: string;
  is_private?: boolean;
  is_member?: boolean;
}

export interface FakeSlackOptions {
  port?: number;
  host?: string;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  users?: Record<string, FakeUser>;
  usergroups?: Record<string, string[]>;
  channels?: Record<string, FakeChannel>;
}

export type FakeSlackEventName =
  | 'call'
  | 'message-posted'
  | 'message-updated'
  | 'message-deleted'
  | 'ephemeral'
  | 'view-opened'
  | 'view-updated'
  | 'home-published'
  | 'response-url';

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  url: string;
  /** Server origin without a path, e.g. `http://127.0.0.1:54321`. */
  origin: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  failNext(method: string, failure: FailureSpec, times?: number): void;
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  messages(channel: string): StoredMessage[];
  /** Channels that hold messages. */
  channels(): string[];
  /** The channels and messages, to keep across a restart (see fake-slack-persistence.ts). */
  snapshot(): FakeSlackSnapshot;
  restore(snapshot: FakeSlackSnapshot): void;
  ephemerals(channel?: string): EphemeralMessage[];
  views(): StoredView[];
  events: EventEmitter;
  createResponseUrl(origin?: ResponseUrlOrigin): string;
  responses(id: string): ResponseUrlPost[];
  reset(): void;
  close(): Promise<void>;
}

export interface FakeSlackIdentity {
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  users: Record<string, FakeUser>;
  usergroups: Record<string, string[]>;
  channels: Record<string, FakeChannel>;
}

export type SlackResult =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: string; response_metadata?: { messages: string[] } };

/** What survives a restart of the sandbox: every channel's messages (replies inside), and the ts counter. */
export interface FakeSlackSnapshot {
  version: 1;
  sequence: number;
  channels: Record<string, StoredMessage[]>;
}
