import type { AthenaTemplateName } from '../aws/athena-cloudtrail.ts';
import type { TrailFilters } from '../aws/cloudtrail-events.ts';
import type { AlertMatchers } from './alert-matchers.ts';

export interface TimeRange {
  from: Date;
  to: Date;
}

/** A `/klaxon` command as understood: what the core runs and the renderer describes. */
export type ParsedCommand =
  | { kind: 'help'; share: boolean }
  | { kind: 'alerts'; share: boolean }
  | { kind: 'mutes'; share: boolean }
  | { kind: 'silence'; share: boolean; matchers: AlertMatchers; durationMs: number; reason: string }
  | { kind: 'silences'; share: boolean }
  | { kind: 'trail'; share: boolean; filters: TrailFilters; region?: string; range: TimeRange; limit: number }
  | {
      kind: 'athena';
      share: boolean;
      template: AthenaTemplateName;
      value?: string;
      range: TimeRange;
      limit: number;
    }
  | {
      kind: 'logs';
      share: boolean;
      target: string;
      logGroups: string[];
      query: string;
      range: TimeRange;
      limit: number;
    };

export interface UsageError {
  kind: 'usage-error';
  message: string;
  usage: string;
}

/** A command's words split into positionals, `key=value` options and the `share` flag. */
export interface CommandTokens {
  positionals: string[];
  options: Record<string, string>;
  share: boolean;
}
