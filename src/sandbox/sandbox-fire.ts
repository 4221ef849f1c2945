import { readFileSync } from 'node:fs';
import { readPastedNotification } from '../sns/read-pasted-notification.ts';
import type { SnsSigner } from './sns-signer.ts';

/** The sample events the sandbox page offers, in the order it shows them. */
export const sandboxSamples = [
  { id: 'alarm', label: 'CloudWatch alarm', file: 'cloudwatch-alarm.json' },
  { id: 'alarm-repeat', label: 'Alarm again (repeat)', file: 'cloudwatch-alarm.json' },
  { id: 'alarm-ok', label: 'Alarm OK', file: 'cloudwatch-alarm-ok.json' },
  { id: 'macie', label: 'Macie finding', file: 'macie-finding.json' },
  { id: 'macie-classic', label: 'Macie Classic alert', file: 'macie-classic-alert.json' },
  { id: 'glue-failed', label: 'Glue job failed', file: 'glue-job-failed.json' },
  { id: 'glue-succeeded', label: 'Glue job succeeded', file: 'glue-job-succeeded.json' },
  { id: 'guardduty', label: 'GuardDuty finding', file: 'guardduty-finding.json' },
  { id: 'security-hub', label: 'Security Hub finding', file: 'security-hub-finding.json' },
  {
    id: 'security-hub-archived',
    label: 'Security Hub finding archived',
    file: 'security-hub-finding-archived.json',
  },
  { id: 'health', label: 'AWS Health event', file: 'health-event.json' },
  { id: 'health-ended', label: 'AWS Health event ended', file: 'health-event-ended.json' },
  { id: 'backup-failed', label: 'Backup job failed', file: 'backup-job-failed.json' },
  { id: 'backup-completed', label: 'Backup job completed', file: 'backup-job-completed.json' },
  { id: 'sign-in-failed', label: 'Failed console sign-in', file: 'cloudtrail-console-sign-in-failed.json' },
  { id: 'api-call', label: 'CloudTrail API call', file: 'cloudtrail-api-call-create-bucket.json' },
  {
    id: 'emr-cluster',
    label: 'EMR cluster terminated with errors',
    file: 'emr-cluster-terminated-with-errors.json',
  },
  { id: 'emr-step-failed', label: 'EMR step failed', file: 'emr-step-failed.json' },
  { id: 'emr-step-completed', label: 'EMR step completed', file: 'emr-step-completed.json' },
  { id: 'alarm-eventbridge', label: 'Alarm via EventBridge', file: 'alarm-state-change.json' },
  { id: 'generic', label: 'Any other event (generic)', file: 'generic-backup-plan-modified.json' },
  { id: 'glue-delayed', label: 'Glue run past its notify delay', file: 'glue-job-run-delayed.json' },
  { id: 'macie-findings', label: 'Macie findings (JSON array)', file: 'macie-findings.json' },
  { id: 'alarm-action', label: 'Alarm to a Lambda action', file: 'cloudwatch-alarm-action.json' },
  { id: 'insight-start', label: 'CloudTrail Insights start', file: 'cloudtrail-insight-start.json' },
  { id: 'insight-end', label: 'CloudTrail Insights end', file: 'cloudtrail-insight-end.json' },
  { id: 'alarm-composite', label: 'Composite alarm', file: 'cloudwatch-alarm-composite.json' },
  { id: 'alarm-log-metric', label: 'Alarm on a log metric', file: 'cloudwatch-alarm-custom-metric.json' },
] as const;
export type SandboxSampleId = (typeof sandboxSamples)[number]['id'];

export function isSandboxSampleId(value: unknown): value is SandboxSampleId {
  return sandboxSamples.some((sample) => sample.id === value);
}

type Json = Record<string, unknown>;

/** CloudWatch writes StateChangeTime as `2021-06-23T08:41:06.622+0000`; keep the samples' own format. */
export function formatStateChangeTime(at: Date): string {
  return at.toISOString().replace('Z', '+0000');
}

/**
 * The message to send for a sample: the bundled copy with its event time set to now, so the alert reads as
 * happening now. A repeat keeps the StateChangeTime of the alarm it repeats, as SNS re-delivering an alarm
 * action does; with no alarm fired yet it is a first alarm.
 */
export function prepareSample(sample: Json, now: Date, repeatOf?: string): Json {
  if (typeof sample.StateChangeTime === 'string') {
    return { ...sample, StateChangeTime: repeatOf ?? formatStateChangeTime(now) };
  }
  if (typeof sample.time === 'string') {
    return { ...sample, time: `${now.toISOString().slice(0, 19)}Z` };
  }
  return sample;
}

export interface FireResult {
  status: number;
  body: unknown;
}

/** What a person pasted: an SNS envelope (its Message is sent), a message body or an EventBridge event. */
export interface PastedMessage {
  message: string;
  subject?: string;
}

export interface SampleFirer {
  fire(id: SandboxSampleId, snsUrl: string): Promise<FireResult>;
  firePasted(pasted: PastedMessage, snsUrl: string): Promise<FireResult>;
}

/** Signs samples with the sandbox's key and posts them to Klaxon's own `/sns`, the path AWS uses. */
export function createSampleFirer(options: {
  signer: SnsSigner;
  topicArn: string;
  now?: () => Date;
}): SampleFirer {
  const now = options.now ?? (() => new Date());
  let lastAlarmTime: string | undefined;
  return {
    async fire(id, snsUrl) {
      const entry = sandboxSamples.find((sample) => sample.id === id)!;
      const message = prepareSample(
        readSample(entry.file),
        now(),
        id === 'alarm-repeat' ? lastAlarmTime : undefined,
      );
      if (id === 'alarm' || id === 'alarm-repeat') lastAlarmTime = String(message.StateChangeTime);
      const notification = options.signer.notification(options.topicArn, message, {
        timestamp: now().toISOString(),
      });
      return postToSns(snsUrl, notification);
    },
    async firePasted(pasted, snsUrl) {
      const read = readPastedNotification(pasted.message);
      const subject = pasted.subject ?? read.subject;
      const notification = options.signer.notification(options.topicArn, read.message, {
        subject,
        timestamp: now().toISOString(),
      });
      return postToSns(snsUrl, notification);
    },
  };
}

const sampleCache = new Map<string, Json>();

function readSample(file: string): Json {
  let sample = sampleCache.get(file);
  if (!sample) {
    sample = JSON.parse(readFileSync(new URL(`./samples/${file}`, import.meta.url), 'utf8')) as Json;
    sampleCache.set(file, sample);
  }
  return sample;
}

// The headers and content type SNS's HTTP delivery uses.
async function postToSns(snsUrl: string, notification: Json): Promise<FireResult> {
  const response = await fetch(snsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': String(notification.MessageId),
      'x-amz-sns-topic-arn': String(notification.TopicArn),
    },
    body: JSON.stringify(notification),
  });
  const text = await response.text();
  return { status: response.status, body: parseJsonOrText(text) };
}

export function parseJsonOrText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
