import { handleSnsMessage } from './handle-sns-delivery.ts';
import { readDeadLetter } from './read-dead-letter.ts';
import type { SnsContext } from './sns-context.ts';

/** SQS keeps a message at most 14 days: a redrive must not refuse what it holds as stale. */
const deadLetterMaxAgeHours = 14 * 24;

/**
 * `replayed`: done (or found already done) — the message may be deleted; `refused`: a final refusal (forged,
 * foreign topic); `failed`: transient, try again later; `skipped`: nothing Klaxon can replay.
 */
export type ReplayOutcome = 'replayed' | 'refused' | 'failed' | 'skipped';

export interface ReplayResult {
  outcome: ReplayOutcome;
  detail: string;
}

/**
 * Replays one dead-letter message through the path a delivery takes — verified, deduplicated on MessageId,
 * committed with its Slack steps — so a message that was half done, or done meanwhile, posts nothing twice.
 */
export async function replayDeadLetter(ctx: SnsContext, body: string): Promise<ReplayResult> {
  const letter = readDeadLetter(body);
  if (letter.kind === 'schedule')
    return { outcome: 'replayed', detail: 'a missed sweep: later sweeps did it' };
  if (letter.kind === 'command') {
    return { outcome: 'skipped', detail: "slash-command work: Slack's response_url has expired" };
  }
  if (letter.kind === 'unrecognized') return { outcome: 'skipped', detail: letter.detail };
  const redriveCtx = {
    ...ctx,
    config: { ...ctx.config, sns: { ...ctx.config.sns, maxMessageAgeHours: deadLetterMaxAgeHours } },
  };
  const results = [];
  for (const message of letter.messages) results.push(await handleSnsMessage(redriveCtx, message));
  const detail = results.map((r) => `${r.messageId}: ${r.outcome}`).join(', ');
  if (results.some((r) => r.status >= 500)) return { outcome: 'failed', detail };
  if (results.some((r) => r.status >= 400)) return { outcome: 'refused', detail };
  return { outcome: 'replayed', detail };
}
