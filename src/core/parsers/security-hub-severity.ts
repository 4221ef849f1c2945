import type { Severity } from '../../model/alert.ts';

/** ASFF's own labels, which are Klaxon's severities by other names. */
const labelSeverities: Record<string, Severity> = {
  INFORMATIONAL: 'info',
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
};

const severityWords: Record<Severity, string> = {
  info: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/**
 * ASFF's bands for `Severity.Normalized` (0–100), as the ASFF reference maps them to `Label`: 0 INFORMATIONAL,
 * 1–39 LOW, 40–69 MEDIUM, 70–89 HIGH, 90–100 CRITICAL.
 */
function severityOfNormalized(normalized: number): Severity {
  if (normalized >= 90) return 'critical';
  if (normalized >= 70) return 'high';
  if (normalized >= 40) return 'medium';
  if (normalized >= 1) return 'low';
  return 'info';
}

export interface SecurityHubSeverity {
  severity: Severity;
  /** Says which field was used, and that the other disagreed when it did. */
  description: string;
}

/**
 * The normalised score wins when both are given and disagree (the rule: it is the one every product
 * fills in the same way); the message says so, so nobody wonders why a CRITICAL label shows as High.
 */
export function securityHubSeverityOf(value: { Label?: string; Normalized?: number }): SecurityHubSeverity {
  const fromLabel = value.Label === undefined ? undefined : labelSeverities[value.Label.toUpperCase()];
  if (value.Normalized === undefined) {
    const severity = fromLabel ?? 'medium';
    return { severity, description: `${severityWords[severity]} (Label ${value.Label ?? 'missing'})` };
  }
  const severity = severityOfNormalized(value.Normalized);
  const word = severityWords[severity];
  if (fromLabel === undefined) return { severity, description: `${word} (Normalized ${value.Normalized})` };
  if (fromLabel === severity) {
    return { severity, description: `${word} (Normalized ${value.Normalized}; Label ${value.Label})` };
  }
  return {
    severity,
    description: `${word} (Normalized ${value.Normalized} used; Label ${value.Label} disagrees)`,
  };
}
