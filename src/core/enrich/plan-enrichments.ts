import type { NormalizedAlert } from '../../model/alert.ts';
import { type EnrichmentKind, EnrichmentKinds } from '../../model/enrichment.ts';
import type { SlackStep } from '../../model/outbox.ts';
import type { AlarmShape } from './alarm-shape.ts';
import { readAlarmShape } from './alarm-trigger.ts';

export interface EnrichmentPlanSettings {
  /** Kinds that have an enricher in this build: a kind without one is simply not planned. */
  available: ReadonlySet<EnrichmentKind>;
  /** The configuration's switches (global, then the route's, over it): false turns a kind off. */
  switches: Partial<Record<EnrichmentKind, boolean>>;
}

type Applies = (alert: NormalizedAlert, shape: AlarmShape | undefined) => boolean;

const firing = (alert: NormalizedAlert) => alert.state === 'firing';
const graphable = (shape: AlarmShape | undefined) =>
  shape?.kind === 'metric' || shape?.kind === 'math' || shape?.kind === 'anomaly';

/**
 * When each lookup makes sense. A log metric filter is only known after DescribeMetricFilters: any single
 * metric outside AWS's own namespaces may come from one, and the lookup says nothing when none does.
 */
const appliesTo: Record<EnrichmentKind, Applies> = {
  'metric-graph': (alert, shape) => graphable(shape) && alert.state !== 'informational',
  'composite-children': (alert, shape) => firing(alert) && shape?.kind === 'composite',
  'log-lines': (alert, shape) =>
    firing(alert) && shape?.kind === 'metric' && !shape.metric.namespace.startsWith('AWS/'),
  'glue-run': (alert) => firing(alert) && alert.source === 'glue',
  'emr-step': (alert) => firing(alert) && alert.source === 'emr',
  'recent-changes': (alert, shape) => firing(alert) && hasResource(alert, shape),
};

/** An alarm on a dimensioned metric, or an event naming its job or step, has a resource to look up. */
function hasResource(alert: NormalizedAlert, shape: AlarmShape | undefined): boolean {
  if (alert.source === 'glue' || alert.source === 'emr') return true;
  if (shape?.kind === 'metric') return shape.metric.dimensions.length > 0;
  if (shape?.kind === 'math' || shape?.kind === 'anomaly')
    return shape.queries.some((q) => (q.metric?.dimensions.length ?? 0) > 0);
  return false;
}

/**
 * The lookups an alert gets, in the order they are told. Pure: the alarm's shape is read from the payload
 * kept with the alert. Only a recovery's fresh graph is planned for a recovery (what changed, the failed run
 * and the logs were told when it fired).
 */
export function planEnrichments(alert: NormalizedAlert, settings: EnrichmentPlanSettings): EnrichmentKind[] {
  const wanted = EnrichmentKinds.filter(
    (kind) => settings.available.has(kind) && settings.switches[kind] !== false,
  );
  // Reading the shape parses the alarm's payload again: not worth it when every lookup is off.
  if (wanted.length === 0) return [];
  const shape = readAlarmShape(alert);
  return wanted.filter((kind) => appliesTo[kind](alert, shape));
}

/** Outcomes that tell something new about the alert: each gets the lookups that apply to it. */
const outcomesWithLookups = new Set(['new-alert', 'reopened', 'state-changed', 'repeat', 'recovered']);

/**
 * Appends an alert's lookups to what a decision posts, after its own steps: the alert (or its reply) is in
 * Slack before any lookup starts. A coalesced repeat, a muted alert or a recorded-only event gets none.
 */
export function addEnrichmentSteps<D extends { outcome: string; change?: { steps: SlackStep[] } }>(
  decided: D,
  alert: NormalizedAlert,
  settings: EnrichmentPlanSettings,
): D {
  if (!decided.change || !outcomesWithLookups.has(decided.outcome)) return decided;
  const kinds = planEnrichments(alert, settings);
  if (kinds.length === 0) return decided;
  const lookups = kinds.map((enrichment): SlackStep => ({ kind: 'enrich', enrichment }));
  return { ...decided, change: { ...decided.change, steps: [...decided.change.steps, ...lookups] } };
}
