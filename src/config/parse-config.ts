import { configSchema, type KlaxonConfig } from './config-schema.ts';
import { describeConfigIssue } from './describe-config-issue.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates a configuration document; errors name each field and what is wrong with it. */
export function parseConfig(document: unknown, origin: string): KlaxonConfig {
  const parsed = configSchema().safeParse(document ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => describeConfigIssue(issue, document));
  throw new ConfigError(`Invalid configuration in ${origin}:\n${problems.join('\n')}`);
}

/**
 * KLAXON_CONFIG_JSON, else the defaults: all a Lambda function reads. Kept apart from the YAML file reader so
 * the functions' bundles carry no YAML parser.
 */
export function loadJsonConfig(env: NodeJS.ProcessEnv): KlaxonConfig {
  if (env.KLAXON_CONFIG_JSON) return parseConfig(parseJson(env.KLAXON_CONFIG_JSON), 'KLAXON_CONFIG_JSON');
  return parseConfig({}, 'defaults');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`KLAXON_CONFIG_JSON is not valid JSON: ${(error as Error).message}`);
  }
}
