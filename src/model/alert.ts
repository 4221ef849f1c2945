// A namespace import: a named import of `hash` would fail to link on Node 20 before 20.12, which lacks it.
import * as nodeCrypto from 'node:crypto';

/** Where a notification came from; also the key of the parser table. */
export const AlertSources = {
  cloudwatchAlarm: 'cloudwatch-alarm',
  macie: 'macie',
  glue: 'glue',
  emr: 'emr',
  guardduty: 'guardduty',
  securityHub: 'security-hub',
  health: 'health',
  backup: 'backup',
  cloudtrail: 'cloudtrail',
  generic: 'generic',
} as const;
export type AlertSource = (typeof AlertSources)[keyof typeof AlertSources];

/**
 * What a notification means for the alert's life:
 * - firing: raises (or keeps raising) the alert
 * - recovered: resolves an open alert (CloudWatch OK, Glue SUCCEEDED, EMR COMPLETED)
 * - insufficient: CloudWatch INSUFFICIENT_DATA, raised as a low-severity alert
 * - informational: recorded only (EMR step PENDING/RUNNING, and the like)
 */
export const AlertStates = {
  firing: 'firing',
  recovered: 'recovered',
  insufficient: 'insufficient',
  informational: 'informational',
} as const;
export type AlertState = (typeof AlertStates)[keyof typeof AlertStates];

export const Severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof Severities)[number];

/** One line saying what is happening, and since when (ISO) when the source says so. */
export interface AlertHeadline {
  text: string;
  since?: string;
}

export interface AlertField {
  label: string;
  value: string;
}

/** The one shape every parser produces; everything downstream reads only this. */
export interface NormalizedAlert {
  source: AlertSource;
  /** What makes two notifications the same alert, e.g. `cloudwatch-alarm:<AlarmArn>`. */
  key: string;
  /** The thing's own name: alarm name, Glue job name, Macie finding type, EMR step name, SNS subject. */
  name: string;
  title: string;
  state: AlertState;
  /** The state as AWS spells it: ALARM, OK, FAILED, SUCCEEDED, … */
  stateLabel: string;
  severity: Severity;
  account?: string;
  /** Region code (us-east-1), never a display name. */
  region?: string;
  /** The affected resource, human readable (bucket name, job name, metric and dimensions). */
  resource?: string;
  /** ISO-8601 time the event happened at the source. */
  occurredAt: string;
  /** One line (or a few) saying why: NewStateReason, Glue message, Macie title. */
  summary: string;
  fields: AlertField[];
  consoleUrl?: string;
  runbookUrl?: string;
  /**
   * Identifies a distinct occurrence within one alert (a Glue job run id, an EMR step id, a Macie finding
   * id and count). A repeat with a new occurrence is new information and gets a thread reply; a repeat with
   * the same occurrence is coalesced.
   */
  occurrence?: string;
  /** Present when a rerun button makes sense: the failed Glue run to start again. */
  glueRun?: { jobName: string; jobRunId: string };
  /**
   * Present when the configuration (`glue.alarmJobs`) maps this alarm to a Glue job: the rerun button then
   * starts again the job's latest failed run, found when clicked (the alarm does not name a run).
   */
  glueJob?: { jobName: string };
  /** False when no later event will ever resolve this alert (Macie, EMR failures, generic): offer Resolve. */
  resolvableByEvent: boolean;
  /**
   * The payload as readable JSON, for a reader who needs more than the recognised fields: posted as the first
   * reply in the alert's thread, so the message itself stays short (generic alerts).
   */
  details?: string;
  /** The parsed message as AWS sent it (or the raw string when it was not JSON). */
  raw: unknown;
  /**
   * What is happening in one line ("CPUUtilization 97.3 > 80 for 3 datapoints"): shown in the root in place
   * of the summary, which a reader then finds behind Details.
   */
  headline?: AlertHeadline;
  /** The CloudWatch Logs of what failed (a Glue run's error log), where the source names it. */
  logsUrl?: string;
  /**
   * A composite alarm whose actions its ActionsSuppressor holds back (`ActionsSuppressedBy`: Alarm,
   * WaitPeriod or ExtensionPeriod): posted, but without mentions.
   */
  actionsSuppressed?: { by: string; reason?: string; suppressor?: string };
}

/** One-shot `hash` (Node 20.12+) skips building a Hash stream object per alert; older Node builds one. */
const sha256Base64url: (text: string) => string =
  typeof nodeCrypto.hash === 'function'
    ? (text) => nodeCrypto.hash('sha256', text, 'base64url')
    : (text) => nodeCrypto.createHash('sha256').update(text).digest('base64url');

/** A short, stable id for an alert key: fits Slack option values (150 chars) and DynamoDB keys. */
export function alertIdOf(key: string): string {
  return sha256Base64url(key).slice(0, 22);
}
