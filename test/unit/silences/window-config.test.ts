import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';

const windowWith = (overrides: Record<string, unknown>) => ({
  maintenanceWindows: [
    {
      name: 'weekly',
      schedule: { cron: '0 22 * * SAT', durationMinutes: 240 },
      timeZone: 'Europe/Berlin',
      match: { name: 'etl-*' },
      ...overrides,
    },
  ],
});

describe('maintenance windows in the configuration', () => {
  it('accepts a cron or a weekly schedule with a time zone', () => {
    expect(parseConfig(windowWith({}), 'test').maintenanceWindows).toHaveLength(1);
    const weekly = windowWith({ schedule: { weekly: { day: 'Saturday', start: '22:00', end: '02:00' } } });
    expect(parseConfig(weekly, 'test').maintenanceWindows[0]!.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    [
      { schedule: { cron: '61 22 * * SAT', durationMinutes: 60 } },
      'maintenanceWindows.0.schedule.cron: minute field "61": 61 is outside 0–59',
    ],
    [
      { schedule: { cron: '0 22 * SAT', durationMinutes: 60 } },
      'maintenanceWindows.0.schedule.cron: a cron expression has 5 fields',
    ],
    [{ schedule: { cron: '0 22 * * SAT', durationMinutes: 2000 } }, 'maintenanceWindows.0.schedule'],
    [
      { schedule: { weekly: { day: 'Caturday', start: '22:00', end: '02:00' } } },
      'maintenanceWindows.0.schedule.weekly: day "Caturday"',
    ],
    [
      { schedule: { weekly: { day: 'SAT', start: '22:00', end: '26:00' } } },
      'maintenanceWindows.0.schedule.weekly: end "26:00"',
    ],
    [
      { timeZone: 'Europe/Atlantis' },
      'maintenanceWindows.0.timeZone: "Europe/Atlantis" is not an IANA time zone',
    ],
    [{ match: { severity: 'urgent' } }, 'maintenanceWindows.0.match.severity'],
  ])('refuses %o, naming the path', (overrides, message) => {
    expect(() => parseConfig(windowWith(overrides), 'klaxon.yaml')).toThrow(message);
  });
});
