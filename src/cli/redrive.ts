import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { deleteDeadLetter, receiveDeadLetters } from '../aws/dead-letter-queue.ts';
import type { ReplayOutcome, ReplayResult } from '../core/notifications/replay-dead-letter.ts';

export const redriveUsage =
  'usage: klaxon redrive --queue <SQS queue URL> [--max N]\n' +
  '  Replays the messages of a Klaxon dead-letter queue (SNS subscription or asynchronous invocations)\n' +
  '  through the normal, idempotent path; deletes each one only once it is done. Default --max 1000.\n';

export class RedriveUsageError extends Error {
  override name = 'RedriveUsageError';
}

export type RedriveCounts = Record<ReplayOutcome, number> & { received: number };

export interface RedriveDeps {
  sqs: SQSClient;
  replay: (body: string) => Promise<ReplayResult>;
  out: Writable;
}

/** Long enough for a replay to finish before SQS shows the message again. */
const visibilitySeconds = 300;

export function parseRedriveArgs(argv: string[]): { queueUrl: string; max: number } {
  const { values } = parseArgs({
    args: argv,
    options: { queue: { type: 'string' }, max: { type: 'string' } },
    strict: true,
  });
  if (!values.queue || !/^https:\/\/\S+$/.test(values.queue))
    throw new RedriveUsageError('--queue <SQS queue URL> is required');
  const max = values.max === undefined ? 1000 : Number(values.max);
  if (!Number.isInteger(max) || max < 1) throw new RedriveUsageError('--max must be a positive integer');
  return { queueUrl: values.queue, max };
}

/** Reads the queue until it is empty (or `max` messages were read); each line of `out` says what happened. */
export async function redriveQueue(
  deps: RedriveDeps,
  options: { queueUrl: string; max: number },
): Promise<RedriveCounts> {
  const counts: RedriveCounts = { received: 0, replayed: 0, refused: 0, failed: 0, skipped: 0 };
  while (counts.received < options.max) {
    const batch = await receiveDeadLetters(
      deps.sqs,
      options.queueUrl,
      options.max - counts.received,
      visibilitySeconds,
    );
    if (batch.length === 0) break;
    for (const message of batch) {
      counts.received++;
      const result = await replayOne(deps, message.body);
      counts[result.outcome]++;
      if (result.outcome === 'replayed')
        await deleteDeadLetter(deps.sqs, options.queueUrl, message.receiptHandle);
      const kept = result.outcome === 'replayed' ? 'deleted' : 'kept';
      deps.out.write(`${message.messageId}: ${result.outcome} (${kept}) ${result.detail}\n`);
    }
  }
  return counts;
}

async function replayOne(deps: RedriveDeps, body: string): Promise<ReplayResult> {
  try {
    return await deps.replay(body);
  } catch (error) {
    return { outcome: 'failed', detail: (error as Error).message };
  }
}

export function describeRedrive(counts: RedriveCounts): string {
  return (
    `redrive: ${counts.received} read, ${counts.replayed} replayed and deleted, ${counts.refused} refused, ` +
    `${counts.failed} failed, ${counts.skipped} skipped (those are kept in the queue)\n`
  );
}
