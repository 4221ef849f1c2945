// Reads the deploy settings: the JSON file, then CDK context values of the same names on top.
import { existsSync, readFileSync } from 'node:fs';
import { type KlaxonSettings, LIST_KEYS, settingsSchema } from './settings-schema.ts';

export const DEFAULT_SETTINGS_FILE = 'klaxon.settings.json';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface SettingsSources {
  /** Path of the settings file; a missing default file means "all defaults", a missing named one is an error. */
  readonly file?: string;
  /** CDK context: keys named like the settings override the file (`-c stackName=KlaxonStaging`). */
  readonly context?: Record<string, unknown>;
}

export function readSettings(sources: SettingsSources = {}): KlaxonSettings {
  const file = sources.file ?? DEFAULT_SETTINGS_FILE;
  const fromFile = readSettingsFile(file, sources.file !== undefined);
  const overrides = contextOverrides(sources.context ?? {});
  const origin =
    Object.keys(overrides).length > 0 ? `${file} + context ${Object.keys(overrides).join(', ')}` : file;
  return validateSettings({ ...fromFile, ...overrides }, origin);
}

export function validateSettings(document: unknown, origin: string): KlaxonSettings {
  const parsed = settingsSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SettingsError(`Klaxon settings (${origin}) are invalid:\n${problems.join('\n')}`);
  }
  const settings = parsed.data;
  if (settings.config !== undefined && settings.configFile !== undefined) {
    throw new SettingsError(`Klaxon settings (${origin}): give either config or configFile, not both`);
  }
  return settings;
}

function readSettingsFile(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new SettingsError(`Klaxon settings: no file ${path}`);
    return {};
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SettingsError(`Klaxon settings: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

/** Only keys the settings know: CDK's own context (feature flags, `aws:cdk:*`) is left alone. */
function contextOverrides(context: Record<string, unknown>): Record<string, unknown> {
  const known = Object.keys(settingsSchema.shape);
  const entries = Object.entries(context).filter(
    ([key, value]) => known.includes(key) && value !== undefined,
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, readContextValue(key, value)]));
}

/** `-c` values arrive as strings: lists are comma-separated, objects, numbers and booleans are JSON. */
function readContextValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (LIST_KEYS.has(key) && !value.trim().startsWith('[')) {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if (/^\s*([[{]|true$|false$|-?\d)/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}
