import type { QueryProgress } from '../../aws/query-outcome.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackMessage } from '../../render/slack-message.ts';
import type { CommandJob } from './command-job.ts';
import type { ResponseUrlPoster } from './response-url.ts';

/** Slack allows 5 posts per response_url; one stays spare for a failure notice after the final answer. */
const responseUrlUses = 5;
const reservedUses = 2;

export interface CommandReply {
  /** Replaces "Running…" with progress, at most once per threshold passed and within the use budget. */
  progress(progress: QueryProgress, render: (progress: QueryProgress) => SlackMessage): Promise<void>;
  /** The answer, only to the user who asked. */
  final(message: SlackMessage): Promise<void>;
}

export interface CommandReplyDeps {
  postToResponseUrl: ResponseUrlPoster;
  progressAtMs: number[];
  logger: Logger;
}

export function createCommandReply(job: CommandJob, deps: CommandReplyDeps): CommandReply {
  let uses = 0;
  let thresholdsPassed = 0;
  const post = async (message: SlackMessage) => {
    uses += 1;
    await deps.postToResponseUrl(job.responseUrl, {
      response_type: 'ephemeral',
      replace_original: true,
      text: message.text,
      blocks: message.blocks,
    });
  };
  return {
    async progress(progress, render) {
      const due = deps.progressAtMs.filter((at) => progress.elapsedMs >= at).length;
      if (due <= thresholdsPassed || uses >= responseUrlUses - reservedUses) return;
      thresholdsPassed = due;
      try {
        await post(render(progress));
      } catch (error) {
        // A lost progress update is cosmetic: the query goes on and the final answer still comes.
        deps.logger.warn({ err: error }, 'progress update to response_url failed');
      }
    },
    final: post,
  };
}
