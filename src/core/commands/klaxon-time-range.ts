import type { TimeRange } from '../../model/klaxon-command.ts';

export type { TimeRange } from '../../model/klaxon-command.ts';

export interface TimeRangeInput {
  since?: string;
  from?: string;
  to?: string;
}

export interface TimeRangeRules {
  now: Date;
  defaultSinceMs: number;
  maxRangeMs: number;
  /** The subcommand, for the refusal message. */
  label: string;
}

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `30m`, `2h`, `7d`, `1w` (and `45s`) → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,5})([smhdw])$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount > 0 ? amount * unitMs[match[2] as keyof typeof unitMs] : undefined;
}

const isoPattern =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 date or date-time; without an offset it means UTC (never the server's local zone). */
export function parseIsoTime(text: string): Date | undefined {
  const match = isoPattern.exec(text.trim());
  if (!match) return undefined;
  const [, day, time = '00:00', offset = 'Z'] = match;
  const date = new Date(`${day}T${time}${offset.toUpperCase()}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2024-02-31 over to March; a calendar day that does not exist is a typo.
  const [year, month, dayOfMonth] = (day ?? '').split('-').map(Number);
  const check = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, dayOfMonth));
  return check.getUTCDate() === dayOfMonth ? date : undefined;
}

export type TimeRangeResult = { ok: true; range: TimeRange } | { ok: false; message: string };

export function resolveTimeRange(input: TimeRangeInput, rules: TimeRangeRules): TimeRangeResult {
  if (input.since !== undefined && (input.from !== undefined || input.to !== undefined)) {
    return { ok: false, message: 'Use either `since=` or `from=`/`to=`, not both.' };
  }
  const bounds = readBounds(input, rules);
  if (!bounds.ok) return bounds;
  const { from, to } = bounds.range;
  if (from.getTime() >= to.getTime()) return { ok: false, message: '`from` must be before `to`.' };
  const widthMs = to.getTime() - from.getTime();
  if (widthMs > rules.maxRangeMs) {
    return {
      ok: false,
      message: `That range is ${describeDuration(widthMs)}; \`${rules.label}\` covers at most ${describeDuration(rules.maxRangeMs)}.`,
    };
  }
  return bounds;
}

function readBounds(input: TimeRangeInput, rules: TimeRangeRules): TimeRangeResult {
  const now = rules.now;
  if (input.since !== undefined) {
    const ms = parseDuration(input.since);
    if (ms === undefined)
      return { ok: false, message: `\`since=${input.since}\` is not a duration: try 30m, 2h or 7d.` };
    return { ok: true, range: { from: new Date(now.getTime() - ms), to: now } };
  }
  const to = input.to === undefined ? now : parseIsoTime(input.to);
  if (!to) return { ok: false, message: `\`to=${input.to}\` is not an ISO time such as 2024-05-20T08:00Z.` };
  const from =
    input.from === undefined ? new Date(to.getTime() - rules.defaultSinceMs) : parseIsoTime(input.from);
  if (!from)
    return { ok: false, message: `\`from=${input.from}\` is not an ISO time such as 2024-05-20T08:00Z.` };
  if (from.getTime() > now.getTime()) return { ok: false, message: '`from` is in the future.' };
  // A `to` in the future asks for nothing more than "until now".
  return { ok: true, range: { from, to: to.getTime() > now.getTime() ? now : to } };
}

export function describeDuration(ms: number): string {
  const days = ms / unitMs.d;
  if (days >= 1) return `${Math.round(days * 10) / 10} days`;
  const hours = ms / unitMs.h;
  if (hours >= 1) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.max(1, Math.round(ms / unitMs.m))} minutes`;
}
