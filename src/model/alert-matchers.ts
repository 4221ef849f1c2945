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

/** Globs come from the configuration and the silences: a few, checked again on every notification. */
const compiledGlobs = new Map<string, RegExp>();
const maxCompiledGlobs = 256;

/** The glob as an anchored RegExp, compiled once (no `g` or `y` flag, so sharing it keeps no state). */
export function globToRegExp(glob: string): RegExp {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    const escaped = glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    compiled = new RegExp(`^${escaped}$`);
    if (compiledGlobs.size >= maxCompiledGlobs) compiledGlobs.clear();
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
}
