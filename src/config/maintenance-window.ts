import { type CronSchedule, dayNames, matchesCron, parseCron, type WallClock } from './cron-expression.ts';

/** A window's schedule as configured: a cron expression and a length, or a weekly day with start and end. */
export type WindowSchedule =
  | { cron: string; durationMinutes: number }
  | { weekly: { day: string; start: string; end: string } };

/** One opening of a window, as epoch ms: open from `start` (inclusive) to `end` (exclusive). */
export interface WindowOpening {
  start: number;
  end: number;
}

const minuteMs = 60_000;
export const maxWindowMinutes = 24 * 60;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A weekly schedule is a cron expression too: its start each week, lasting until its end (across midnight if need be). */
export function toCronSchedule(schedule: WindowSchedule): { cron: CronSchedule; minutes: number } | string {
  if ('cron' in schedule) {
    const cron = parseCron(schedule.cron);
    return typeof cron === 'string' ? cron : { cron, minutes: schedule.durationMinutes };
  }
  const { day, start, end } = schedule.weekly;
  const dayIndex = dayNames.indexOf(day.slice(0, 3).toUpperCase());
  const fullName = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 7 + dayIndex),
  );
  if (dayIndex < 0 || (day.length > 3 && day.toLowerCase() !== fullName.toLowerCase()))
    return `day ${JSON.stringify(day)} is not a day of the week (MON … SUN)`;
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (typeof from === 'string') return `start ${from}`;
  if (typeof to === 'string') return `end ${to}`;
  const cron = parseCron(`${from % 60} ${Math.floor(from / 60)} * * ${dayIndex}`) as CronSchedule;
  // An end at or before the start is on the next day: SAT 22:00–02:00 crosses midnight.
  return { cron, minutes: (to - from + maxWindowMinutes) % maxWindowMinutes || maxWindowMinutes };
}

function minutesOfDay(text: string): number | string {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match
    ? Number(match[1]) * 60 + Number(match[2])
    : `${JSON.stringify(text)} is not a time such as 22:00`;
}

/** The opening in force at `now`, if any (the latest one to start). */
export function findOpening(
  schedule: { cron: CronSchedule; minutes: number },
  timeZone: string,
  now: number,
): WindowOpening | undefined {
  const clock = wallClockIn(timeZone);
  const latest = Math.floor(now / minuteMs) * minuteMs;
  for (let i = 0; i < schedule.minutes; i++) {
    const start = latest - i * minuteMs;
    if (matchesCron(schedule.cron, clock(start))) return { start, end: start + schedule.minutes * minuteMs };
  }
  return undefined;
}

/** The latest opening that ended at or before `now` and after `now - lookbackMs`. */
export function findLastEnded(
  schedule: { cron: CronSchedule; minutes: number },
  timeZone: string,
  now: number,
  lookbackMs: number,
): WindowOpening | undefined {
  const clock = wallClockIn(timeZone);
  const span = schedule.minutes * minuteMs;
  const latestStart = Math.floor((now - span) / minuteMs) * minuteMs;
  for (let start = latestStart; start + span > now - lookbackMs; start -= minuteMs) {
    if (matchesCron(schedule.cron, clock(start))) return { start, end: start + span };
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Reads an instant's wall-clock fields in a time zone (Node has full ICU, so every IANA zone is known). */
export function wallClockIn(timeZone: string): (epochMs: number) => WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const format = formatter;
  return (epochMs) => {
    const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
    return {
      minute: Number(parts.minute),
      hour: Number(parts.hour),
      dayOfMonth: Number(parts.day),
      month: Number(parts.month),
      dayOfWeek: weekdays[parts.weekday ?? ''] ?? -1,
    };
  };
}
