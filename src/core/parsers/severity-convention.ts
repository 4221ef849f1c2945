import { Severities, type Severity } from '../../model/alert.ts';

/**
 * How a team marks an alarm's severity without Klaxon's configuration, in its name or its description
 * (checked in that order; the first mark found wins):
 * - a bracketed word: `[critical] db-down`, `api-5xx [low]`
 * - a priority token: `P1` critical, `P2` high, `P3` medium, `P4` low, `P5` info (`P1-db-down`, `db_down_P2`)
 * - a key and a value: `sev:high`, `severity: medium`, `severity=critical` (any case)
 */
export function readSeverityMark(...texts: Array<string | undefined>): Severity | undefined {
  for (const text of texts) {
    const found = text ? readOne(text) : undefined;
    if (found) return found;
  }
  return undefined;
}

const words = Severities.join('|');
const bracketed = new RegExp(`\\[(${words})\\]`, 'i');
const keyed = new RegExp(`\\b(?:sev|severity)\\s*[:=]\\s*(${words})\\b`, 'i');
// Underscores and dashes join words in alarm names, so they count as separators (\b would not see `_P1`).
const priority = /(?:^|[^A-Za-z0-9])P([1-5])(?=$|[^A-Za-z0-9])/;

const byPriority: Record<string, Severity> = {
  '1': 'critical',
  '2': 'high',
  '3': 'medium',
  '4': 'low',
  '5': 'info',
};

function readOne(text: string): Severity | undefined {
  const word = bracketed.exec(text)?.[1] ?? keyed.exec(text)?.[1];
  if (word) return word.toLowerCase() as Severity;
  const level = priority.exec(text)?.[1];
  return level ? byPriority[level] : undefined;
}
