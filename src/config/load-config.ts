import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { KlaxonConfig } from './config-schema.ts';
import { ConfigError, loadJsonConfig, parseConfig } from './parse-config.ts';

export { ConfigError, parseConfig };

/** Reads KLAXON_CONFIG_JSON, else the YAML/JSON file at KLAXON_CONFIG, else the defaults. */
export function loadConfig(env: NodeJS.ProcessEnv): KlaxonConfig {
  if (env.KLAXON_CONFIG_JSON || !env.KLAXON_CONFIG) return loadJsonConfig(env);
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
