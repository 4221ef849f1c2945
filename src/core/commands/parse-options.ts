import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { KlaxonCommandOptions } from './parse-klaxon-command.ts';

const dayMs = 86_400_000;

/** The parser's limits from configuration; the listener and the worker must parse with the same ones. */
export function buildParseOptions(config: KlaxonConfig, now: Date): KlaxonCommandOptions {
  return {
    now,
    maxRangeMs: { trail: config.queries.maxTrailDays * dayMs, logs: config.queries.maxLogsDays * dayMs },
    logGroupAliases: config.queries.logGroupAliases,
  };
}
