import { readFileSync } from 'node:fs';
import type { SnsSigner } from '../src/sandbox/sns-signer.ts';
import { benchTopicArn } from './bench-harness.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/cloudwatch/alarm-single-metric.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** One fixed StateChangeTime per run: every repeat of an alarm is a copy of the same state change. */
const stateChangeTime = new Date().toISOString().replace('Z', '+0000');

/** The fixture alarm made distinct by name, ARN and instance; the parser keys alerts on AlarmArn. */
export function alarmPayload(index: number, prefix: string): Record<string, unknown> {
  const name = `${prefix}-CPU-${String(index).padStart(4, '0')}`;
  const trigger = fixture.Trigger as Record<string, unknown>;
  return {
    ...fixture,
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`,
    StateChangeTime: stateChangeTime,
    Trigger: {
      ...trigger,
      Dimensions: [{ value: `i-${(0x0f672ea50a80 + index).toString(16)}`, name: 'InstanceId' }],
    },
  };
}

/** A signed SNS Notification body, as SNS POSTs it (fresh MessageId each time). */
export function signedBody(signer: SnsSigner, payload: unknown): string {
  return JSON.stringify(signer.notification(benchTopicArn, payload));
}

/** Deterministic PRNG (mulberry32) so a storm's alarm order is the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
