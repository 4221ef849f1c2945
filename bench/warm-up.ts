import type { Params } from '../src/sandbox/fake-slack-types.ts';
import { type BenchEnv, type SentCommand, startBenchKlaxon } from './bench-harness.ts';
import { createSender, runBounded } from './load.ts';
import { alarmPayload, signedBody } from './payloads.ts';

/** Exactly what one new alert sent: its DynamoDB commands and its chat.postMessage, to replay alone. */
export interface CapturedNewAlert {
  tableName: string;
  alertId: string;
  messageId: string;
  dynamo: SentCommand[];
  slackPost: Params;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Untimed: brings both JITs (Node's and DynamoDB Local's) and the sockets up to speed on a throwaway table
 * with new alerts, repeats and duplicates; then captures the calls of one more new alert.
 */
export async function warmUp(env: BenchEnv): Promise<CapturedNewAlert> {
  const alarms = 60;
  const k = await startBenchKlaxon(env, 'warmup');
  const sender = createSender(k.url, 4);
  const post = async (body: string) => {
    const { status } = await sender.post(body);
    if (status >= 300) throw new Error(`warm-up notification answered ${status}`);
  };
  try {
    const first = range(alarms).map((i) => signedBody(env.signer, alarmPayload(i, 'warm')));
    const again = range(alarms * 3).map((i) => signedBody(env.signer, alarmPayload(i % alarms, 'warm')));
    for (const bodies of [first, again, first]) await runBounded(bodies, 4, post);
    env.slack.reset();
    const body = signedBody(env.signer, alarmPayload(0, 'captured'));
    const dynamo = k.capture();
    await post(body);
    k.stopCapture();
    const slackPost = env.slack.calls.find((call) => call.method === 'chat.postMessage')?.params;
    if (!slackPost) throw new Error('the captured new alert posted nothing');
    return {
      tableName: k.store.table.getName(),
      alertId: alertIdIn(dynamo),
      messageId: (JSON.parse(body) as { MessageId: string }).MessageId,
      dynamo: [...dynamo],
      slackPost,
    };
  } finally {
    sender.close();
    await k.close();
    env.slack.reset();
  }
}

function alertIdIn(commands: SentCommand[]): string {
  const match = /"pk":"ALERT#([A-Za-z0-9_-]+)"/.exec(JSON.stringify(commands[0]?.input));
  if (!match) throw new Error('the captured new alert did not start by reading its alert');
  return match[1]!;
}
