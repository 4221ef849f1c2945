import type { AlertMatchers } from './alert-matchers.ts';

/** What `/klaxon trail` can filter on; every field narrows the result. */
export interface TrailFilters {
  user?: string;
  eventName?: string;
  resource?: string;
  /** e.g. `s3.amazonaws.com` */
  eventSource?: string;
  readOnly?: boolean;
}

/** The queries `/klaxon athena` offers over CloudTrail logs; their SQL is in src/aws/athena-cloudtrail.ts. */
export const athenaTemplateNames = ['user', 'event', 'resource', 'denied', 'root'] as const;
export type AthenaTemplateName = (typeof athenaTemplateNames)[number];

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
