import { describe, expect, it } from 'vitest';
import { matchesCron, parseCron } from '../../../src/config/cron-expression.ts';
import {
  findLastEnded,
  findOpening,
  isValidTimeZone,
  toCronSchedule,
  wallClockIn,
} from '../../../src/config/maintenance-window.ts';

const at = (iso: string) => Date.parse(iso);
const hour = 3_600_000;

describe('parseCron', () => {
  it.each([
    ['0 22 * * SAT', { minute: 0, hour: 22, dayOfMonth: 2, month: 3, dayOfWeek: 6 }, true],
    ['0 22 * * SAT', { minute: 0, hour: 22, dayOfMonth: 3, month: 3, dayOfWeek: 0 }, false],
    ['*/15 9-17 * * MON-FRI', { minute: 45, hour: 17, dayOfMonth: 4, month: 3, dayOfWeek: 1 }, true],
    ['*/15 9-17 * * MON-FRI', { minute: 50, hour: 17, dayOfMonth: 4, month: 3, dayOfWeek: 1 }, false],
    ['0 0 1 JAN,JUL *', { minute: 0, hour: 0, dayOfMonth: 1, month: 7, dayOfWeek: 3 }, true],
    ['0 0 * * 7', { minute: 0, hour: 0, dayOfMonth: 5, month: 5, dayOfWeek: 0 }, true],
    // Both day fields restricted: either one matching is enough (Vixie cron).
    ['0 0 13 * FRI', { minute: 0, hour: 0, dayOfMonth: 13, month: 5, dayOfWeek: 2 }, true],
    ['0 0 13 * FRI', { minute: 0, hour: 0, dayOfMonth: 10, month: 5, dayOfWeek: 5 }, true],
    ['0 0 13 * FRI', { minute: 0, hour: 0, dayOfMonth: 11, month: 5, dayOfWeek: 6 }, false],
    ['5/20 * * * *', { minute: 45, hour: 3, dayOfMonth: 11, month: 5, dayOfWeek: 6 }, true],
  ])('%s at %o → %s', (expression, wall, expected) => {
    const schedule = parseCron(expression);
    if (typeof schedule === 'string') throw new Error(schedule);
    expect(matchesCron(schedule, wall)).toBe(expected);
  });

  it.each([
    ['0 22 * *', 'has 5 fields'],
    ['60 22 * * SAT', 'minute field "60": 60 is outside 0–59'],
    ['0 22 * * SUNDAY', 'day of week field "SUNDAY"'],
    ['0 22-20 * * *', 'runs backwards'],
    ['*/0 * * * *', 'step "0"'],
  ])('refuses %s, saying why', (expression, message) => {
    expect(parseCron(expression)).toContain(message);
  });
});

describe('maintenance window openings', () => {
  it('reads wall-clock fields in a zone, daylight saving included', () => {
    expect(wallClockIn('Europe/Berlin')(at('2026-03-07T21:30:00Z'))).toMatchObject({
      hour: 22,
      dayOfWeek: 6,
    });
    expect(wallClockIn('Europe/Berlin')(at('2026-07-04T20:30:00Z'))).toMatchObject({
      hour: 22,
      dayOfWeek: 6,
    });
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
  });

  // Saturday 22:00 to Sunday 02:00 in Berlin (UTC+1 in March): 21:00Z Saturday to 01:00Z Sunday.
  const weekly = toCronSchedule({ weekly: { day: 'SAT', start: '22:00', end: '02:00' } });
  const cron = toCronSchedule({ cron: '0 22 * * SAT', durationMinutes: 240 });

  it.each([
    ['2026-03-07T20:59:00Z', undefined],
    ['2026-03-07T21:00:00Z', '2026-03-07T21:00:00.000Z'],
    ['2026-03-07T23:30:00Z', '2026-03-07T21:00:00.000Z'],
    ['2026-03-08T00:59:59Z', '2026-03-07T21:00:00.000Z'],
    ['2026-03-08T01:00:00Z', undefined],
  ])('a window crossing midnight in Europe/Berlin at %s is open from %s', (now, start) => {
    for (const schedule of [weekly, cron]) {
      if (typeof schedule === 'string') throw new Error(schedule);
      const opening = findOpening(schedule, 'Europe/Berlin', at(now));
      expect(opening && new Date(opening.start).toISOString()).toBe(start);
      if (opening) expect(opening.end - opening.start).toBe(4 * hour);
    }
  });

  it('finds the opening that ended last, within the lookback', () => {
    if (typeof weekly === 'string') throw new Error(weekly);
    const ended = findLastEnded(weekly, 'Europe/Berlin', at('2026-03-08T01:05:00Z'), 24 * hour);
    expect(ended && new Date(ended.end).toISOString()).toBe('2026-03-08T01:00:00.000Z');
    expect(findLastEnded(weekly, 'Europe/Berlin', at('2026-03-08T00:59:00Z'), 24 * hour)).toBeUndefined();
    expect(findLastEnded(weekly, 'Europe/Berlin', at('2026-03-09T02:00:00Z'), 24 * hour)).toBeUndefined();
  });

  it('refuses a weekly schedule with a bad day or time', () => {
    expect(toCronSchedule({ weekly: { day: 'Caturday', start: '22:00', end: '02:00' } })).toContain('day');
    expect(toCronSchedule({ weekly: { day: 'SAT', start: '25:00', end: '02:00' } })).toContain('start');
  });
});
