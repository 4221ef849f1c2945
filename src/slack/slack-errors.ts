/**
 * Answers Slack gives when no retry can succeed: the message was deleted, or Klaxon lost the channel. A
 * repair queued for these would have the sweep fail on it every minute for as long as it is kept.
 */
const permanentSlackErrors = new Set([
  'message_not_found',
  'thread_not_found',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'cant_update_message',
]);

/** Slack refused the channel itself: every step for it fails until someone fixes the route or the channel. */
const channelRefusedErrors = new Set(['channel_not_found', 'is_archived', 'not_in_channel']);

/** The channel's code (`channel_not_found`, `is_archived`, `not_in_channel`) when Slack refused the channel. */
export function channelRefusalOf(error: unknown): string | undefined {
  const code = slackErrorCodeOf(error);
  return code !== undefined && channelRefusedErrors.has(code) ? code : undefined;
}

/** The error code Slack answered with (`channel_not_found`, `invalid_auth` …), if the call got that far. */
export function slackErrorCodeOf(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

/** Whether trying the call again later may succeed: anything but Slack saying the message or channel is gone. */
export function isRetryableSlackError(error: unknown): boolean {
  const code = slackErrorCodeOf(error);
  return !(code !== undefined && permanentSlackErrors.has(code));
}
