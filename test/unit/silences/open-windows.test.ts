import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { openWindowSilences } from '../../../src/core/silences/find-silence.ts';
import { saturdayNightWindow } from './saturday-window.ts';

const config = parseConfig(
  {
    defaultChannel: 'C0ALERTS',
    maintenanceWindows: [saturdayNightWindow],
  },
  'test',
);

describe('the open maintenance windows every notification asks for', () => {
  it('are worked out once a minute: within the minute the same answer is given again', () => {
    const first = openWindowSilences(config, new Date('2026-03-07T23:30:05.000Z'));
    const sameMinute = openWindowSilences(config, new Date('2026-03-07T23:30:59.999Z'));
    const nextMinute = openWindowSilences(config, new Date('2026-03-07T23:31:00.000Z'));
    expect(first).toHaveLength(1);
    expect(sameMinute[0]).toBe(first[0]);
    expect(nextMinute[0]).not.toBe(first[0]);
    expect(nextMinute).toEqual(first);
  });

  it('carry the opening as a record for the store, and end on the minute the window does', () => {
    const [open] = openWindowSilences(config, new Date('2026-03-08T00:59:59.000Z'));
    expect(open?.windowOpening).toEqual({
      silenceId: 'window:sat:2026-03-07T21:00:00.000Z',
      kind: 'window',
      matchers: { source: 'cloudwatch-alarm' },
      startsAt: '2026-03-07T21:00:00.000Z',
      endsAt: '2026-03-08T01:00:00.000Z',
      reason: 'maintenance window sat',
      channel: 'C0ALERTS',
      status: 'active',
    });
    expect(openWindowSilences(config, new Date('2026-03-08T01:00:00.000Z'))).toEqual([]);
  });
});
