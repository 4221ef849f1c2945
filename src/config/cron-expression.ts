/**
 * Standard 5-field cron (`minute hour day-of-month month day-of-week`), evaluated on wall-clock fields:
 * `*`, numbers, ranges `a-b`, steps `*\/n` and `a-b/n`, lists `a,b`, month names JAN–DEC, day names SUN–SAT
 * (0 or 7 is Sunday). As in Vixie cron, when both day fields are restricted either one matching is enough.
 */
export interface CronSchedule {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  dayOfMonthAny: boolean;
  dayOfWeekAny: boolean;
}

/** Wall-clock fields of one minute in some time zone; `dayOfWeek` 0 is Sunday. */
export interface WallClock {
  minute: number;
  hour: number;
  dayOfMonth: number;
  month: number;
  dayOfWeek: number;
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
export const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const fieldSpecs = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: monthNames, nameBase: 1 },
  { label: 'day of week', min: 0, max: 7, names: dayNames, nameBase: 0 },
] as const;

/** The schedule, or a sentence saying what is wrong with the expression. */
export function parseCron(expression: string): CronSchedule | string {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    return `a cron expression has 5 fields (minute hour day-of-month month day-of-week), not ${parts.length}`;
  const sets: Set<number>[] = [];
  for (const [i, spec] of fieldSpecs.entries()) {
    const set = parseField(parts[i]!, spec);
    if (typeof set === 'string') return `${spec.label} field ${JSON.stringify(parts[i])}: ${set}`;
    sets.push(set);
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (dayOfWeek.has(7)) dayOfWeek.add(0);
  return {
    minute,
    hour,
    dayOfMonth,
    month,
    dayOfWeek,
    dayOfMonthAny: parts[2] === '*' || parts[2] === '?',
    dayOfWeekAny: parts[4] === '*' || parts[4] === '?',
  };
}

export function matchesCron(schedule: CronSchedule, at: WallClock): boolean {
  if (!schedule.minute.has(at.minute) || !schedule.hour.has(at.hour) || !schedule.month.has(at.month))
    return false;
  const dom = schedule.dayOfMonth.has(at.dayOfMonth);
  const dow = schedule.dayOfWeek.has(at.dayOfWeek);
  if (schedule.dayOfMonthAny) return dow;
  if (schedule.dayOfWeekAny) return dom;
  return dom || dow;
}

type FieldSpec = { min: number; max: number; names?: readonly string[]; nameBase?: number };

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const set = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText, extra] = item.split('/');
    if (extra !== undefined) return 'more than one step';
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      return `step ${JSON.stringify(stepText)} is not a positive whole number`;
    const bounds = parseRange(range, spec, stepText !== undefined);
    if (typeof bounds === 'string') return bounds;
    for (let value = bounds[0]; value <= bounds[1]; value += step) set.add(value);
  }
  return set;
}

function parseRange(range: string, spec: FieldSpec, stepped: boolean): [number, number] | string {
  if (range === '*' || range === '?') return [spec.min, spec.max];
  const [fromText = '', toText, extra] = range.split('-');
  if (extra !== undefined) return `${JSON.stringify(range)} is not a range`;
  const from = parseValue(fromText, spec);
  if (typeof from === 'string') return from;
  // `5/15` means from 5 to the end, every 15.
  const to = toText === undefined ? (stepped ? spec.max : from) : parseValue(toText, spec);
  if (typeof to === 'string') return to;
  if (to < from) return `range ${JSON.stringify(range)} runs backwards`;
  return [from, to];
}

function parseValue(text: string, spec: FieldSpec): number | string {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + (spec.nameBase ?? 0) : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(value)) return `${JSON.stringify(text)} is not a number${spec.names ? ' or a name' : ''}`;
  if (value < spec.min || value > spec.max) return `${value} is outside ${spec.min}–${spec.max}`;
  return value;
}
