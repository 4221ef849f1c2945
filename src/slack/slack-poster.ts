import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../bot/blocks/index.ts';

/** The two Slack calls the alert path makes, behind a small interface so the core does not see WebClient. */
export interface SlackPoster {
  postMessage(
    channel: string,
    message: SlackMessage,
    threadTs?: string,
  ): Promise<{ channel: string; ts: string }>;
  updateMessage(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

export function createSlackPoster(client: WebClient): SlackPoster {
  return {
    async postMessage(channel, message, threadTs) {
      const response = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        ...(message.attachments ? { attachments: message.attachments } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (!response.ts || !response.channel) throw new Error('chat.postMessage returned no ts');
      return { channel: response.channel, ts: response.ts };
    },
    async updateMessage(channel, ts, message) {
      await client.chat.update({
        channel,
        ts,
        text: message.text,
        blocks: message.blocks,
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    },
  };
}
