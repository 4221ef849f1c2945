import type { AlertSource, Severity } from '../model/alert.ts';
import type { AlertView } from '../model/alert-view.ts';

/**
 * How an alert looks at a glance. Colour is carried by the emoji (firing by severity, green resolved, yellow
 * insufficient data, a muted bell, blue informational) rather than a legacy attachment bar: see
 * alert-message.ts for why.
 */
export interface AlertStatusDisplay {
  emoji: string;
  label: string;
}

export const StatusDisplays = {
  firing: { emoji: '🔴', label: 'Firing' },
  insufficient: { emoji: '🟡', label: 'Insufficient data' },
  informational: { emoji: '🔵', label: 'Informational' },
  recovered: { emoji: '🟢', label: 'Recovered' },
  muted: { emoji: '🔕', label: 'Muted' },
  resolved: { emoji: '🟢', label: 'Resolved' },
} as const satisfies Record<string, AlertStatusDisplay>;

/**
 * A firing alert's colour says how bad it is, so a low finding does not look like an outage: red critical,
 * orange high, yellow medium, blue low, white info. The label beside it still says "Firing".
 */
export const FiringDisplays = {
  critical: { emoji: '🔴', label: 'Firing' },
  high: { emoji: '🟠', label: 'Firing' },
  medium: { emoji: '🟡', label: 'Firing' },
  low: { emoji: '🔵', label: 'Firing' },
  info: { emoji: '⚪', label: 'Firing' },
} as const satisfies Record<Severity, AlertStatusDisplay>;

export const SeverityLabels = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
} as const satisfies Record<Severity, string>;

export const SourceLabels = {
  'cloudwatch-alarm': 'CloudWatch alarm',
  macie: 'Amazon Macie',
  glue: 'AWS Glue',
  emr: 'Amazon EMR',
  guardduty: 'Amazon GuardDuty',
  'security-hub': 'AWS Security Hub',
  health: 'AWS Health',
  backup: 'AWS Backup',
  cloudtrail: 'AWS CloudTrail',
  generic: 'SNS notification',
} as const satisfies Record<AlertSource, string>;

/**
 * Resolution wins over everything; a mute wins over the alert's own state. A present `mute` is taken as
 * active: rendering has no clock, and whoever expires a mute clears it and re-renders (with a
 * mute-expired reply).
 */
export function describeAlertStatus(view: AlertView): AlertStatusDisplay {
  if (view.status === 'resolved') return StatusDisplays.resolved;
  if (view.mute) return StatusDisplays.muted;
  if (view.alert.state === 'firing') return FiringDisplays[view.alert.severity];
  return StatusDisplays[view.alert.state];
}

/** An open alert in a list (App Home, `/klaxon alerts`): coloured by severity while firing, as its message is. */
export function displayOfOpen(record: {
  alert: { state: AlertView['alert']['state']; severity: AlertView['alert']['severity'] };
}): AlertStatusDisplay {
  return record.alert.state === 'firing'
    ? FiringDisplays[record.alert.severity]
    : StatusDisplays[record.alert.state];
}

/** Mentions ping people, so they appear only while the alert is open, firing and not muted. */
export function shouldMention(view: AlertView): boolean {
  return view.status === 'open' && view.alert.state === 'firing' && !view.mute;
}
