// The routing/permissions config, read at synth time into the compact JSON of KLAXON_CONFIG_JSON.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../src/config/load-config.ts';

/** Lambda caps all environment variables of a function at 4 KB together; leave room for the others. */
export const MAX_CONFIG_JSON_BYTES = 3_000;

export interface ConfigSource {
  /** The config as an object, or as a JSON string (e.g. from a context value). Exclusive with `configFile`. */
  readonly config?: unknown;
  /** Path of a JSON or YAML config file. Exclusive with `config`. */
  readonly configFile?: string;
  /** The settings' `channel`: the config's defaultChannel, unless the config names another one. */
  readonly defaultChannel?: string;
}

/**
 * Reads the routing/permissions config and returns it as compact JSON for KLAXON_CONFIG_JSON. It is validated
 * with the schema the functions use: a config they refuse would fail every cold start of all three.
 */
export function readConfigJson(source: ConfigSource): string {
  if (source.config !== undefined && source.configFile !== undefined) {
    throw new Error('Klaxon: pass either config or configFile, not both');
  }
  let config = source.configFile === undefined ? (source.config ?? {}) : readConfigFile(source.configFile);
  if (typeof config === 'string') config = JSON.parse(config);
  config = withDefaultChannel(config, source.defaultChannel);
  const json = JSON.stringify(config);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_CONFIG_JSON_BYTES) {
    throw new Error(
      `Klaxon: the config is ${bytes} bytes as JSON; Lambda environment variables are limited to 4 KB in total, ` +
        `so keep KLAXON_CONFIG_JSON under ${MAX_CONFIG_JSON_BYTES} bytes`,
    );
  }
  parseConfig(config, source.configFile ?? 'the config prop (context value `config`)');
  return json;
}

function readConfigFile(path: string): unknown {
  if (!existsSync(path)) {
    throw new Error(
      `Klaxon: no config file ${path} (settings configFile; see the README's configuration file)`,
    );
  }
  const text = readFileSync(path, 'utf8');
  const isYaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  return isYaml ? parseYaml(text) : JSON.parse(text);
}

function withDefaultChannel(config: unknown, channel: string | undefined): unknown {
  if (channel === undefined) return config;
  const current = (config as { defaultChannel?: unknown }).defaultChannel;
  if (current !== undefined && current !== channel) {
    throw new Error(
      `Klaxon: the settings' channel ${channel} and the config's defaultChannel ${current} differ`,
    );
  }
  return { ...(config as object), defaultChannel: channel };
}
