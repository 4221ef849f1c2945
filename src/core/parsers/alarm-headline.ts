import type { AlertHeadline } from '../../model/alert.ts';
import { roundForReading } from './round-for-reading.ts';

/**
 * One line from an alarm's NewStateReason, whose shape CloudWatch documents and keeps: "Threshold Crossed:
 * 3 out of the last 3 datapoints [97.3 (15/03/24 09:55:00), …] was greater than the threshold (80.0) …",
 * "Thresholds Crossed: … was less than the lower thresholds [l] or greater than the upper thresholds [u]",
 * "Insufficient Data: 5 datapoints were unknown.", and a composite's "arn:…:alarm:child transitioned to
 * ALARM at …". Undefined when the reason says none of these: the reason itself is shown then.
 */
export function describeAlarmHeadline(
  reason: string | undefined,
  label = 'Value',
  changedAt?: string,
): AlertHeadline | undefined {
  if (!reason) return undefined;
  const headline =
    describeThreshold(reason, label) ??
    describeBand(reason, label) ??
    describeMissingData(reason, label) ??
    describeChild(reason);
  return headline?.since && !isPlausibleStart(headline.since, changedAt) ? { text: headline.text } : headline;
}

/** Alarms evaluate over at most a week of datapoints, all before the state changed. */
const maxBreachMs = 7 * 86_400_000;

function isPlausibleStart(since: string, changedAt: string | undefined): boolean {
  if (!changedAt) return true;
  const lead = Date.parse(changedAt) - Date.parse(since);
  return Number.isFinite(lead) && lead >= 0 && lead <= maxBreachMs;
}

interface Datapoint {
  value: number;
  at: string;
}

const datapointPattern = /(-?[\d.]+(?:E-?\d+)?) \((\d{2})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})\)/g;

/**
 * `[v (dd/MM/yy HH:mm:ss), …]`, times in UTC: what alarms send. (The SNS example in the CloudWatch guide
 * reads as MM/dd/yy; a start that does not fit the state change is dropped, not shown wrong.)
 */
function readDatapoints(reason: string): Datapoint[] {
  const points: Datapoint[] = [];
  datapointPattern.lastIndex = 0;
  for (let match = datapointPattern.exec(reason); match; match = datapointPattern.exec(reason)) {
    points.push({ value: Number(match[1]), at: `20${match[4]}-${match[3]}-${match[2]}T${match[5]}.000Z` });
  }
  return points;
}

function describeCount(reason: string): string {
  const counted = /(\d+) out of the last (\d+) datapoints?/.exec(reason);
  if (!counted) return '';
  const [, breaching, of] = counted;
  const noun = of === '1' ? 'datapoint' : 'datapoints';
  return breaching === of ? ` for ${of} ${noun}` : ` for ${breaching} of ${of} ${noun}`;
}

/**
 * The newest datapoint's value, and the oldest one's time: since when it has been so. The times share one
 * fixed format, so comparing them as strings orders them in time (of equal times, the last one read wins).
 */
function summarise(points: Datapoint[]): { latest?: Datapoint; since?: string } {
  let latest: Datapoint | undefined;
  let since: string | undefined;
  for (const point of points) {
    if (!latest || point.at >= latest.at) latest = point;
    if (since === undefined || point.at < since) since = point.at;
  }
  return { latest, since };
}

const comparisons: Record<string, string> = {
  'greater than': '>',
  'greater than or equal to': '≥',
  'less than': '<',
  'less than or equal to': '≤',
  'not greater than': '≤',
  'not greater than or equal to': '<',
  'not less than': '≥',
  'not less than or equal to': '>',
};

function describeThreshold(reason: string, label: string): AlertHeadline | undefined {
  const crossed = /was ((?:not )?(?:greater|less) than(?: or equal to)?) the threshold \(([^)]+)\)/.exec(
    reason,
  );
  if (!crossed) return undefined;
  const { latest, since } = summarise(readDatapoints(reason));
  const value = latest ? ` ${roundForReading(latest.value)}` : '';
  const text = `${label}${value} ${comparisons[crossed[1]!]} ${roundForReading(Number(crossed[2]))}`;
  const negated = crossed[1]!.startsWith('not');
  // A recovery says where the value is now; how long it breached is the failure's story, not this one's.
  if (negated) return { text };
  return { text: `${text}${describeCount(reason)}`, ...(since ? { since } : {}) };
}

function describeBand(reason: string, label: string): AlertHeadline | undefined {
  const band = /lower thresholds \[([^\]]+)\] or (not )?greater than the upper thresholds \[([^\]]+)\]/.exec(
    reason,
  );
  if (!band) return undefined;
  const { latest, since } = summarise(readDatapoints(reason));
  const value = latest ? ` ${roundForReading(latest.value)}` : '';
  const range = `${roundForReading(Number(band[1]))}–${roundForReading(Number(band[3]))}`;
  if (band[2]) return { text: `${label}${value} within the expected band ${range}` };
  const text = `${label}${value} outside the expected band ${range}${describeCount(reason)}`;
  return { text, ...(since ? { since } : {}) };
}

function describeMissingData(reason: string, label: string): AlertHeadline | undefined {
  const unknown = /^Insufficient Data: (\d+) datapoints? (?:was|were) unknown/.exec(reason);
  if (unknown)
    return { text: `${label}: no data for ${unknown[1]} datapoint${unknown[1] === '1' ? '' : 's'}` };
  const treated = /no datapoints were received for (\d+) periods?.*treated as \[(\w+)\]/.exec(reason);
  if (!treated) return undefined;
  const periods = `${treated[1]} period${treated[1] === '1' ? '' : 's'}`;
  return { text: `${label}: no data for ${periods}, treated as ${treated[2]!.toLowerCase()}` };
}

function describeChild(reason: string): AlertHeadline | undefined {
  const child = /:alarm:(\S+) transitioned to (\w+)/.exec(reason);
  return child ? { text: `Child alarm ${child[1]} went to ${child[2]}` } : undefined;
}
