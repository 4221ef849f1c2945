import type { BlockAction } from '@slack/bolt';
import type { SlackUserRef } from '../../../model/alert-view.ts';

/** Slack's payloads carry `username` (documented examples) or `name` (Bolt's type); either names the person. */
export function readActor(user: { id: string; name?: string; username?: string }): SlackUserRef {
  const userName = user.name ?? user.username;
  return { userId: user.id, ...(userName ? { userName } : {}) };
}

/** The channel the person clicked in: ephemeral answers go there. */
export function readChannel(body: BlockAction): string | undefined {
  return body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
}
