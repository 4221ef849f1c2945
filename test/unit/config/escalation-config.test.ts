import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/load-config.ts';
import { routeAlert } from '../../../src/config/route-alert.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';

const alertOf = (severity: NormalizedAlert['severity'], name = 'etl-orders') =>
  ({ source: 'glue', key: `glue:1:us-east-1:${name}`, name, state: 'firing', severity }) as NormalizedAlert;

describe('escalation configuration', () => {
  const config = parseConfig(
    {
      defaultChannel: 'C0DEFAULT',
      escalation: { levels: [{ afterMinutes: 60, targets: ['@here'] }] },
      routes: [
        {
          match: { name: 'etl-*' },
          channel: 'C0DATA',
          escalation: [
            { afterMinutes: 15, targets: ['S0614TZR7'] },
            { afterMinutes: 30, targets: ['@channel', 'U012AB3CD'] },
          ],
        },
        { match: { name: 'quiet-*' }, channel: 'C0QUIET', escalation: [] },
      ],
    },
    'klaxon.yaml',
  );

  it("gives a route's levels, mentions spelled for Slack, to the severities it covers", () => {
    expect(routeAlert(alertOf('critical'), config).escalation).toEqual([
      { afterMinutes: 15, mentions: ['<!subteam^S0614TZR7>'] },
      { afterMinutes: 30, mentions: ['<!channel>', '<@U012AB3CD>'] },
    ]);
    expect(routeAlert(alertOf('low'), config).escalation).toBeUndefined();
  });

  it('falls back to the top-level policy; an empty list turns escalation off for a route', () => {
    expect(routeAlert(alertOf('high', 'other'), config).escalation).toEqual([
      { afterMinutes: 60, mentions: ['<!here>'] },
    ]);
    expect(routeAlert(alertOf('critical', 'quiet-job'), config).escalation).toBeUndefined();
  });

  it('has no escalation unless configured', () => {
    expect(routeAlert(alertOf('critical'), parseConfig({}, 'defaults')).escalation).toBeUndefined();
  });

  it('names the path and the problem of a bad escalation policy', () => {
    const bad = {
      escalation: { levels: [{ afterMinutes: 0, targets: ['@here'] }] },
      routes: [{ channel: 'C1', escalation: [{ afterMinutes: 15, targets: ['everyone'] }] }],
    };
    expect(() => parseConfig(bad, 'klaxon.yaml')).toThrow(ConfigError);
    const message = (() => {
      try {
        parseConfig(bad, 'klaxon.yaml');
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/- escalation\.levels\.0\.afterMinutes: .*minute/);
    expect(message).toMatch(/- routes\.0\.escalation\.levels\.0\.targets\.0: .*@here, @channel/);
  });

  it('refuses a level without targets and unknown keys in a level', () => {
    expect(() => parseConfig({ escalation: { levels: [{ afterMinutes: 5, targets: [] }] } }, 'x')).toThrow(
      /escalation\.levels\.0\.targets: .*at least one/,
    );
    expect(() =>
      parseConfig({ escalation: { levels: [{ afterMinutes: 5, targets: ['@here'], after: 3 }] } }, 'x'),
    ).toThrow(/escalation\.levels\.0: .*after/);
  });
});
