import { renderRunning } from '../../render/command-replies.ts';
import { renderHelp, renderUsageError } from '../../render/query-results.ts';
import type { SlackMessage } from '../../render/slack-message.ts';
import { type KlaxonCommandOptions, parseKlaxonCommand } from './parse-klaxon-command.ts';

export interface Acknowledgement {
  response_type: 'ephemeral' | 'in_channel';
  message: SlackMessage;
  /** Whether slow work follows (and will replace this message). */
  dispatch: boolean;
}

/**
 * What Slack gets back within its 3 seconds: usage and help are answered right here; anything else says
 * "Running…" and is dispatched. Pure: no AWS or store calls happen before the acknowledgement.
 */
export function acknowledgeKlaxonCommand(
  command: string,
  text: string,
  options: KlaxonCommandOptions,
): Acknowledgement {
  const parsed = parseKlaxonCommand(text, options);
  if (parsed.kind === 'usage-error')
    return { response_type: 'ephemeral', message: renderUsageError(parsed), dispatch: false };
  if (parsed.kind === 'help')
    return {
      response_type: parsed.share ? 'in_channel' : 'ephemeral',
      message: renderHelp(),
      dispatch: false,
    };
  return { response_type: 'ephemeral', message: renderRunning(command, text), dispatch: true };
}
