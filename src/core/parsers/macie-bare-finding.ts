import * as z from 'zod';
import { alertIdOf, type NormalizedAlert, Severities } from '../../model/alert.ts';
import { type MacieFinding, macieAlertOf, macieFindingDetailSchema } from './macie-finding.ts';
import {
  consoleBase,
  failWith,
  fieldsOf,
  type ParseResult,
  type SnsNotificationInput,
  truncateVisibly,
} from './shared.ts';

/** Macie's finding types all start so; an id, a type and a severity together are not a coincidence. */
const macieTypePattern = /^(SensitiveData|Policy):/;

/** Cheap look before the schema: a bare finding (`GetFindings` or a console export), not an event. */
export function isMacieFinding(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields.id === 'string' &&
    typeof fields.type === 'string' &&
    macieTypePattern.test(fields.type) &&
    typeof fields.severity === 'object' &&
    fields.severity !== null
  );
}

/** A JSON array of findings, or `GetFindings`' own `{ "findings": [...] }`. */
export function macieFindingListOf(payload: unknown): unknown[] | undefined {
  const list =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>).findings
      : payload;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.every(isMacieFinding) ? list : undefined;
}

export function parseBareMacieFinding(payload: unknown, input: SnsNotificationInput): ParseResult {
  const parsed = macieFindingDetailSchema().safeParse(payload);
  if (!parsed.success) return failWith('Macie finding', parsed.error);
  return { ok: true, alert: macieAlertOf(parsed.data, {}, input, payload) };
}

/** How many findings the message lists one by one; the rest are counted. */
const listedFindings = 10;

export function parseMacieFindingList(payload: unknown, input: SnsNotificationInput): ParseResult {
  const list = macieFindingListOf(payload) ?? [];
  const parsed = z.array(macieFindingDetailSchema()).min(1).safeParse(list);
  if (!parsed.success) return failWith('Macie finding list', parsed.error);
  const alerts = parsed.data.map((finding) => macieAlertOf(finding, {}, input, finding));
  const [only] = alerts;
  if (alerts.length === 1 && only) return { ok: true, alert: { ...only, raw: payload } };
  return { ok: true, alert: summarizeFindings(parsed.data, alerts, input, payload) };
}

const rankOf = (alert: NormalizedAlert) => Severities.indexOf(alert.severity);

function sameOrNone(values: Array<string | undefined>): string | undefined {
  return new Set(values).size === 1 ? values[0] : undefined;
}

function describeOne(alert: NormalizedAlert): string {
  return `${alert.stateLabel} · ${alert.name} · ${alert.resource ?? alert.title}`;
}

/**
 * Several findings in one message make one alert (one SNS message, one alert): keyed by the sorted finding
 * keys, so the same batch delivered again coalesces whatever its order, and a different batch is news.
 */
function summarizeFindings(
  findings: MacieFinding[],
  alerts: NormalizedAlert[],
  input: SnsNotificationInput,
  raw: unknown,
): NormalizedAlert {
  const worst = alerts.reduce((a, b) => (rankOf(b) < rankOf(a) ? b : a));
  const keys = alerts.map((alert) => alert.key).sort();
  const region = sameOrNone(alerts.map((alert) => alert.region));
  const lines = alerts.slice(0, listedFindings).map(describeOne);
  const more = alerts.length - lines.length;
  const latest =
    alerts
      .map((alert) => alert.occurredAt)
      .sort()
      .at(-1) ?? input.timestamp;
  return {
    source: 'macie',
    key: `macie:findings:${alertIdOf(keys.join('\n'))}`,
    name: 'Macie findings',
    title: `${alerts.length} Macie findings, worst ${worst.stateLabel}: ${worst.title}`,
    state: 'firing',
    stateLabel: worst.stateLabel,
    severity: worst.severity,
    account: sameOrNone(alerts.map((alert) => alert.account)),
    region,
    occurredAt: latest,
    summary: truncateVisibly([...lines, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n')),
    fields: fieldsOf([
      ['Findings', alerts.length],
      ['Finding ids', truncateVisibly(findings.map((finding) => finding.id).join(', '), 1000)],
    ]),
    consoleUrl: region ? `${consoleBase(region)}/macie/home?region=${region}#findings` : undefined,
    // A finding's count rising within the batch is news, as it is for one finding.
    occurrence: alertIdOf(
      alerts
        .map((alert) => alert.occurrence ?? alert.key)
        .sort()
        .join('\n'),
    ),
    resolvableByEvent: false,
    raw,
  };
}
