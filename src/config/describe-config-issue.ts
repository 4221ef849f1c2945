import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * One line per configuration problem: where, the value found, and what is allowed. zod says only "Invalid
 * input" for a value that fits no branch of a union (`severity: high` or `severity: [high, low]`), so the
 * branch that names allowed values is the one reported.
 */
export function describeConfigIssue(
  issue: Issue,
  document: unknown,
  options: { showFreeText?: boolean } = {},
): string {
  const specific = issue.code === 'invalid_union' ? findAllowedValuesIssue(issue, document) : undefined;
  const chosen = specific ?? { issue, path: issue.path, alternatives: [] };
  const path = chosen.path.join('.') || '(root)';
  const found = readPath(document, chosen.path);
  // An enum's value is one of few words; free text may be a secret (environment), so it can be held back.
  const shown = chosen.issue.code === 'invalid_value' || options.showFreeText !== false ? found : undefined;
  return `  - ${path}: ${describeProblem(chosen.issue, shown, chosen.alternatives)}`;
}

function describeProblem(issue: Issue, found: unknown, alternatives: string[] = []): string {
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
    const others = alternatives.map((message) => `; or it ${message}`).join('');
    return `${formatValue(found)} is not allowed; use one of ${allowed}${others}`;
  }
  if (issue.code === 'unrecognized_keys') return issue.message;
  return found === undefined ? issue.message : `${issue.message} (found ${formatValue(found)})`;
}

/**
 * The enum mismatch among a union's branches that fits the value found (an array's element, not the array
 * itself), with its full path and what the other branches ask for (`must be a Slack user id …`).
 */
function findAllowedValuesIssue(issue: Extract<Issue, { code: 'invalid_union' }>, document: unknown) {
  const inner = issue.errors.flat();
  const candidates = inner
    .filter((candidate) => candidate.code === 'invalid_value')
    .map((candidate) => ({ issue: candidate, path: [...issue.path, ...candidate.path] }));
  const chosen = candidates.find((candidate) => !Array.isArray(readPath(document, candidate.path)));
  if (!chosen) return undefined;
  const alternatives = inner
    .filter((candidate) => candidate.code === 'invalid_format' && candidate.path.length === 0)
    .map((candidate) => candidate.message);
  return { ...chosen, alternatives };
}

function readPath(document: unknown, path: PropertyKey[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
