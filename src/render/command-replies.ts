import {
  context,
  escapeCode,
  escapeMrkdwn,
  type SlackMessage,
  section,
  truncate,
} from './query-results-format.ts';

/** How the command reads in replies: `/klaxon trail user=alice` (code-safe, one line, bounded). */
function echoCommand(command: string, text: string): string {
  return `\`${escapeCode(truncate(`${command} ${text}`.trim(), 300))}\``;
}

/** The acknowledgement Slack shows at once, replaced later by progress and the answer. */
export function renderRunning(command: string, text: string): SlackMessage {
  const line = `:hourglass_flowing_sand: Running… ${echoCommand(command, text)}`;
  return { text: truncate(`Running… ${command} ${text}`.trim(), 300), blocks: [section(line)] };
}

export function renderRefusal(command: string, text: string, reason: string): SlackMessage {
  const line = `:no_entry: You may not run ${echoCommand(command, text)}: ${escapeMrkdwn(reason)}.`;
  return { text: `Refused: ${reason}`, blocks: [section(line), context('Ask a Klaxon admin for access.')] };
}

/** Replaces "Running…" once a shared answer is in the channel. */
export function renderSharedNotice(channelId: string): SlackMessage {
  return {
    text: 'Posted in the channel.',
    blocks: [section(`:white_check_mark: Posted in <#${channelId}>.`)],
  };
}

/** Appended to a shared answer, so the channel sees who asked what. */
export function addRequester(message: SlackMessage, userId: string, command: string, text: string) {
  const note = context(`Asked by <@${userId}>: ${echoCommand(command, text)}`);
  // The fallback text is the channel's notification: user-typed values in it must not become mentions.
  const safeText = escapeMrkdwn(message.text);
  // A full message (50 blocks) keeps its content rather than the note.
  return {
    ...message,
    text: safeText,
    blocks: message.blocks.length < 50 ? [...message.blocks, note] : message.blocks,
  };
}

export function renderShareFailed(message: SlackMessage, reason: string): SlackMessage {
  const note = context(
    `:warning: Could not post in the channel (${escapeMrkdwn(reason)}); invite Klaxon to it to share answers.`,
  );
  return { ...message, blocks: [...message.blocks.slice(0, 49), note] };
}

/** When the work itself broke: the details are in the logs, never in Slack. */
export function renderCommandCrashed(command: string, text: string): SlackMessage {
  return {
    text: 'Klaxon could not finish the command.',
    blocks: [
      section(
        `:warning: Klaxon could not finish ${echoCommand(command, text)}. Try again; if it keeps failing, the Klaxon logs say why.`,
      ),
    ],
  };
}
