import type { WebClient } from '@slack/web-api';
import { stepMetadataEventType } from '../model/outbox.ts';
import type { SlackMessage } from '../render/index.ts';

export interface PostOptions {
  threadTs?: string;
  /** Tags the message (Slack message metadata) so that a retried step can find it instead of posting twice. */
  stepId?: string;
  /** A thread reply also shown in the channel (`reply_broadcast`). */
  broadcast?: boolean;
}

/** The Slack calls the alert path makes, behind a small interface so the core never sees WebClient. */
export interface SlackPoster {
  postMessage(
    channel: string,
    message: SlackMessage,
    options?: PostOptions,
  ): Promise<{ channel: string; ts: string }>;
  updateMessage(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** A message tagged with `stepId` among the channel's latest messages (or the thread of `threadTs`). */
  findStepPost(
    channel: string,
    stepId: string,
    options: { threadTs?: string },
  ): Promise<{ ts: string } | undefined>;
  /** Uploads a file into a thread with Slack's external upload flow (scope `files:write`). */
  uploadFile(channel: string, threadTs: string, file: UploadedFile): Promise<void>;
}

export interface UploadedFile {
  fileName: string;
  title: string;
  altText: string;
  bytes: Uint8Array;
}

export class SlackUploadFailedError extends Error {
  override name = 'SlackUploadFailedError';
}

/** The upload URL is Slack's file store, outside WebClient's own timeout. */
const uploadTimeoutMs = 30_000;

export function createSlackPoster(client: WebClient): SlackPoster {
  return {
    async postMessage(channel, message, options = {}) {
      const args = {
        channel,
        text: message.text,
        blocks: message.blocks,
        ...(message.attachments ? { attachments: message.attachments } : {}),
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
        ...(options.stepId
          ? { metadata: { event_type: stepMetadataEventType, event_payload: { step: options.stepId } } }
          : {}),
        unfurl_links: false,
        unfurl_media: false,
      };
      // A broadcast reply is also shown in the channel, so a thread's news is not only an edit far above.
      const response = await client.chat.postMessage(
        options.broadcast && options.threadTs
          ? { ...args, thread_ts: options.threadTs, reply_broadcast: true }
          : args,
      );
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
    // A step is looked for only after a drain failed or died moments ago, so its post (if any) is among the
    // newest: the channel's latest 200 messages, or a thread's first 1,000 replies (digests keep threads short).
    async findStepPost(channel, stepId, { threadTs }) {
      const response = threadTs
        ? await client.conversations.replies({
            channel,
            ts: threadTs,
            include_all_metadata: true,
            limit: 1000,
          })
        : await client.conversations.history({ channel, include_all_metadata: true, limit: 200 });
      const found = (response.messages ?? []).find(
        (message) =>
          message.metadata?.event_type === stepMetadataEventType &&
          (message.metadata.event_payload as { step?: unknown } | undefined)?.step === stepId,
      );
      return found?.ts ? { ts: found.ts } : undefined;
    },
    // files.uploadV2 reads files from disk or streams; three plain calls keep the bytes in memory and
    // the thread explicit: get an upload URL, POST the bytes to it, complete into the channel's thread.
    async uploadFile(channel, threadTs, file) {
      const target = await client.files.getUploadURLExternal({
        filename: file.fileName,
        length: file.bytes.byteLength,
        alt_text: file.altText,
      });
      if (!target.upload_url || !target.file_id)
        throw new SlackUploadFailedError('files.getUploadURLExternal returned no upload URL');
      const uploaded = await fetch(target.upload_url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file.bytes),
        signal: AbortSignal.timeout(uploadTimeoutMs),
      });
      if (!uploaded.ok) throw new SlackUploadFailedError(`the file upload answered ${uploaded.status}`);
      await client.files.completeUploadExternal({
        files: [{ id: target.file_id, title: file.title }],
        channel_id: channel,
        thread_ts: threadTs,
      });
    },
  };
}
