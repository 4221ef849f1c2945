import type { KnownBlock, MessageAttachment } from '@slack/types';

/**
 * What every renderer returns: the arguments of `chat.postMessage` / `chat.update` minus channel and ts.
 * `text` is always set because Slack uses it for notifications and screen readers when blocks are present.
 * The renderers never set `attachments` (see alert-message.ts for why); the field is here so callers can
 * pass other messages through the same limit and plain-text functions.
 */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  attachments?: MessageAttachment[];
}
