import { describe, expect, it } from 'vitest';
import { addEnrichmentSteps, planEnrichments } from '../../../src/core/enrich/plan-enrichments.ts';
import { EnrichmentKinds } from '../../../src/model/enrichment.ts';
import { alertOf } from './fixture-alerts.ts';

const everything = { available: new Set(EnrichmentKinds), switches: {} };

describe('planEnrichments', () => {
  it('plans a graph and the recent changes for a firing single-metric alarm in an AWS/ namespace', () => {
    // Prepare
    const alert = alertOf('cloudwatch/alarm-single-metric.json');

    // Act
    const kinds = planEnrichments(alert, everything);

    // Assess
    expect(kinds).toEqual(['metric-graph', 'recent-changes']);
  });

  it('adds the log lines when the metric lives outside AWS/ (it may come from a log metric filter)', () => {
    const alert = alertOf('cloudwatch/alarm-single-metric.json', (m) => {
      (m.Trigger as Record<string, unknown>).Namespace = 'LogMetrics';
    });
    expect(planEnrichments(alert, everything)).toEqual(['metric-graph', 'log-lines', 'recent-changes']);
  });

  it('plans only a fresh graph on recovery', () => {
    const alert = alertOf('cloudwatch/alarm-single-metric-ok.json');
    expect(alert.state).toBe('recovered');
    expect(planEnrichments(alert, everything)).toEqual(['metric-graph']);
  });

  it('graphs metric math and anomaly detection alarms', () => {
    expect(planEnrichments(alertOf('cloudwatch/alarm-metric-math.json'), everything)).toContain(
      'metric-graph',
    );
    const anomaly = alertOf('cloudwatch/alarm-anomaly-detection-ok.json');
    expect(planEnrichments(anomaly, everything)).toEqual(['metric-graph']);
  });

  it('lists the children of a composite alarm and draws no graph', () => {
    const kinds = planEnrichments(alertOf('cloudwatch/alarm-composite.json'), everything);
    expect(kinds).toEqual(['composite-children']);
  });

  it('looks up the failed Glue run and the failed EMR step', () => {
    expect(planEnrichments(alertOf('eventbridge/glue-job-failed.json'), everything)).toEqual([
      'glue-run',
      'recent-changes',
    ]);
    expect(planEnrichments(alertOf('eventbridge/emr-step-failed.json'), everything)).toEqual([
      'emr-step',
      'recent-changes',
    ]);
  });

  it('plans nothing for a success or a source without lookups', () => {
    expect(planEnrichments(alertOf('eventbridge/glue-job-succeeded.json'), everything)).toEqual([]);
    expect(planEnrichments(alertOf('eventbridge/macie-sensitive-data-personal.json'), everything)).toEqual(
      [],
    );
  });

  it('leaves out a kind that has no enricher yet, and one the configuration switches off', () => {
    const alert = alertOf('cloudwatch/alarm-single-metric.json', (m) => {
      (m.Trigger as Record<string, unknown>).Namespace = 'LogMetrics';
    });
    const available = new Set(['metric-graph', 'log-lines'] as const);
    expect(planEnrichments(alert, { available, switches: {} })).toEqual(['metric-graph', 'log-lines']);
    expect(planEnrichments(alert, { available, switches: { 'metric-graph': false } })).toEqual(['log-lines']);
  });

  it('reads the EventBridge form of an alarm state change too', () => {
    const kinds = planEnrichments(alertOf('eventbridge/alarm-state-change-single-metric.json'), everything);
    expect(kinds).toEqual(['metric-graph', 'recent-changes']);
  });
});

describe('addEnrichmentSteps', () => {
  const alert = alertOf('cloudwatch/alarm-single-metric.json');
  const change = { next: {}, steps: [{ kind: 'post-root' }] as const };

  it('adds the lookups after the steps of a new alert', () => {
    const decided = addEnrichmentSteps(
      { outcome: 'new-alert', change: { ...change, steps: [...change.steps] } },
      alert,
      everything,
    );
    expect(decided.change?.steps).toEqual([
      { kind: 'post-root' },
      { kind: 'enrich', enrichment: 'metric-graph' },
      { kind: 'enrich', enrichment: 'recent-changes' },
    ]);
  });

  it('adds nothing to a coalesced repeat or a muted alert', () => {
    for (const outcome of ['coalesced', 'muted', 'recorded-only']) {
      const decided = addEnrichmentSteps({ outcome, change: { ...change, steps: [] } }, alert, everything);
      expect(decided.change?.steps).toEqual([]);
    }
  });
});

describe('planEnrichments with every lookup off', () => {
  it('does not read the alarm payload when no enrichment is available or switched on', () => {
    // Prepare: an alert that counts reads of its kept payload
    const alert = alertOf('cloudwatch/alarm-single-metric.json');
    let reads = 0;
    const raw = alert.raw;
    const counting = Object.defineProperty({ ...alert }, 'raw', {
      get: () => {
        reads += 1;
        return raw;
      },
    });
    const allOff = Object.fromEntries(EnrichmentKinds.map((kind) => [kind, false]));

    // Act
    const none = planEnrichments(counting, { available: new Set(), switches: {} });
    const switchedOff = planEnrichments(counting, { available: new Set(EnrichmentKinds), switches: allOff });

    // Assess
    expect([none, switchedOff]).toEqual([[], []]);
    expect(reads).toBe(0);
  });
});
