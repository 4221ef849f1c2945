import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { routeAlert } from '../../../src/config/route-alert.ts';
import { buildAlert } from '../render/sample-views.ts';

describe('a route that sets the severity', () => {
  const config = parseConfig(
    {
      defaultChannel: 'C0DEFAULT',
      routes: [
        {
          match: { source: 'glue', name: 'nightly-*' },
          channel: 'C0DATA',
          severity: 'critical',
          mentions: { targets: ['@here'], severities: ['critical'] },
        },
      ],
    },
    'test',
  );
  const failure = buildAlert('glueFailure');

  it('raises a firing alert to the route’s severity, and mentions by it', () => {
    expect(routeAlert(failure, config)).toMatchObject({ severity: 'critical', mentions: ['<!here>'] });
  });

  it('leaves a recovery at its own severity, so it never pings', () => {
    const recovery = { ...failure, state: 'recovered', severity: 'info' } as const;
    expect(routeAlert(recovery, config).severity).toBeUndefined();
    expect(routeAlert(recovery, config).mentions).toEqual([]);
  });
});
