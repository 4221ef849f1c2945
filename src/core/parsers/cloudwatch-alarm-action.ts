import * as z from 'zod';
import { lazy } from '../../util/lazy.ts';
import { buildAlarmAlert } from './alarm-common.ts';
import { alarmDataSchema, alarmFactsOf } from './eventbridge-alarm-state-change.ts';
import { schemaParser } from './shared.ts';

/**
 * What an alarm sends to a Lambda alarm action: the EventBridge event's alarm data under `alarmData`, with
 * its own small envelope (no `detail-type`, the ARN in `alarmArn`).
 */
const alarmActionSchema = lazy(() =>
  z.looseObject({
    source: z.literal('aws.cloudwatch'),
    alarmArn: z.string(),
    accountId: z.string().optional(),
    time: z.string().optional(),
    region: z.string().optional(),
    alarmData: alarmDataSchema(),
  }),
);

/** Cheap look before the schema: the two fields only this payload has together. */
export function isAlarmActionPayload(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const fields = payload as Record<string, unknown>;
  return typeof fields.alarmArn === 'string' && typeof fields.alarmData === 'object';
}

/** Keyed by the alarm ARN, like the SNS and EventBridge forms, so all three make one alert. */
export const parseAlarmActionPayload = schemaParser(
  alarmActionSchema,
  'CloudWatch alarm action payload',
  (payload, input, raw) =>
    buildAlarmAlert(
      alarmFactsOf(payload.alarmData, {
        arn: payload.alarmArn,
        account: payload.accountId,
        region: payload.region,
        time: payload.time,
      }),
      input,
      raw,
    ),
);
