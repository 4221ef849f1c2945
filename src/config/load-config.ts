import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { configSchema, type KlaxonConfig } from './config-schema.ts';
import { describeConfigIssue } from './describe-config-issue.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates a configuration document; errors name each field and what is wrong with it. */
export function parseConfig(document: unknown, origin: string): KlaxonConfig {
  const parsed = configSchema.safeParse(document ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => describeConfigIssue(issue, document));
  throw new ConfigError(`Invalid configuration in ${origin}:\n${problems.join('\n')}`);
}

/** Reads KLAXON_CONFIG_JSON, else the YAML/JSON file at KLAXON_CONFIG, else the defaults. */
export function loadConfig(env: NodeJS.ProcessEnv): KlaxonConfig {
  if (env.KLAXON_CONFIG_JSON) return parseConfig(parseJson(env.KLAXON_CONFIG_JSON), 'KLAXON_CONFIG_JSON');
  if (!env.KLAXON_CONFIG) return parseConfig({}, 'defaults');
  let text: string;
  try {
    text = readFileSync(env.KLAXON_CONFIG, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read KLAXON_CONFIG file ${env.KLAXON_CONFIG}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `KLAXON_CONFIG file ${env.KLAXON_CONFIG} is not valid YAML/JSON: ${(error as Error).message}`,
    );
  }
  return parseConfig(document, env.KLAXON_CONFIG);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`KLAXON_CONFIG_JSON is not valid JSON: ${(error as Error).message}`);
  }
}
