import type { ThreadReply } from '../../bot/blocks/thread-reply.ts';

/**
 * Slack work decided for one notification, executed in order and remembered in the notification record so
 * that a redelivery after a failure does exactly what is left.
 */
export type SlackStep =
  | { kind: 'post-root' }
  | { kind: 'update-root' }
  | { kind: 'reply'; reply: ThreadReply };
