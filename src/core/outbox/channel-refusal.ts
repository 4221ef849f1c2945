import type { AlertRecord } from '../../model/records.ts';
import { describeChannelRefusal, renderChannelRefusedNotice } from '../../render/channel-refused-notice.ts';
import type { OutboxRuntime } from './outbox-runtime.ts';

/**
 * Drains in a row in which Slack refused the alert's channel before its work there stops: a few minutes of
 * sweeps, time enough for someone to invite Klaxon, and then it no longer costs every sweep a failing call.
 */
export const maxChannelAttempts = 3;

/** The record after a drain that Slack refused the channel in: one attempt more, or given up (outbox dropped). */
export function applyChannelRefusal(record: AlertRecord, code: string, nowMs: number): AlertRecord {
  const attempts = (record.channelRefusal?.attempts ?? 0) + 1;
  if (attempts < maxChannelAttempts) return { ...record, channelRefusal: { code, attempts } };
  const gaveUpAt = record.channelRefusal?.gaveUpAt ?? nowMs;
  return { ...record, outbox: [], channelRefusal: { code, attempts, gaveUpAt } };
}

/** Whether this drain is the one that gave up: that one names the channel, once. */
export function isNewlyGivenUp(before: AlertRecord, after: AlertRecord): boolean {
  return after.channelRefusal?.gaveUpAt !== undefined && before.channelRefusal?.gaveUpAt === undefined;
}

/**
 * One clear message: an error line (`outcome: channel-refused`, counted by the self-alarm) naming the channel
 * and the fix, and the same in the operator channel when one is configured.
 */
export async function reportChannelRefusal(rt: OutboxRuntime, record: AlertRecord): Promise<void> {
  const refusal = record.channelRefusal;
  if (!refusal) return;
  const { channel, alertId } = record;
  const line = {
    outcome: 'channel-refused',
    alertId,
    channel,
    code: refusal.code,
    attempts: refusal.attempts,
  };
  rt.logger.error(line, `alert not delivered: ${describeChannelRefusal(channel, refusal.code)}`);
  if (!rt.operatorChannel) return;
  const notice = renderChannelRefusedNotice({
    channel,
    code: refusal.code,
    alertTitle: record.alert.title,
    attempts: refusal.attempts,
  });
  try {
    await rt.slack.postMessage(rt.operatorChannel, notice);
  } catch (error) {
    rt.logger.warn({ err: error, channel: rt.operatorChannel }, 'could not post in the operator channel');
  }
}
