import type { NormalizedAlert } from './alert.ts';

/** What a route, a silence or a maintenance window selects: every given field must match; none given matches all. */
export interface AlertMatchers {
  source?: string | string[];
  account?: string | string[];
  region?: string | string[];
  /** Glob on the alert's name: `*` any run, `?` one character. */
  name?: string;
  severity?: string | string[];
}

/** The one matcher logic, shared by routes, silences and maintenance windows. */
export function matchesAlert(matchers: AlertMatchers, alert: NormalizedAlert): boolean {
  return (
    matchesAny(matchers.source, alert.source) &&
    matchesAny(matchers.account, alert.account) &&
    matchesAny(matchers.region, alert.region) &&
    matchesAny(matchers.severity, alert.severity) &&
    (matchers.name === undefined || globToRegExp(matchers.name).test(alert.name))
  );
}

function matchesAny(expected: string | string[] | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
