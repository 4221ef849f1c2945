import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';
import { routeAlert } from '../../../src/config/route-alert.ts';
import { isTopicAllowed } from '../../../src/config/topic-allow-list.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';

const glueFailure = {
  source: 'glue',
  key: 'glue:1:us-east-1:etl-orders',
  name: 'etl-orders',
  state: 'firing',
  severity: 'high',
  account: '123456789012',
  region: 'us-east-1',
} as NormalizedAlert;

describe('configuration', () => {
  it('runs on defaults with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.defaultChannel).toBe('#alerts');
    expect(config.permissions.rerun).toEqual({ everyone: false, users: [], usergroups: [] });
    expect(config.permissions.acknowledge.everyone).toBe(true);
  });

  it('names the field and the problem of invalid configuration', () => {
    const bad = {
      routes: [{ channel: 'C1', match: { severity: 'urgent' } }],
      lifecycle: { reopenWindowMinutes: -1 },
    };
    expect(() => parseConfig(bad, 'klaxon.yaml')).toThrow(ConfigError);
    expect(() => parseConfig(bad, 'klaxon.yaml')).toThrow(
      /routes\.0\.match\.severity[\s\S]*lifecycle\.reopenWindowMinutes/,
    );
  });

  it('refuses unknown keys, so a typo does not silently do nothing', () => {
    expect(() => parseConfig({ defaultChanel: '#x' }, 'x')).toThrow(/defaultChanel/);
  });

  it('requires the signing secret with a bot token', () => {
    expect(() => loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(loadSettings({})).toMatchObject({ slackMode: 'local', storeMode: 'embedded', host: '127.0.0.1' });
    expect(
      loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', KLAXON_TABLE_NAME: 'klaxon' }),
    ).toMatchObject({
      slackMode: 'slack',
      storeMode: 'aws',
      host: '0.0.0.0',
    });
  });
});

describe('routeAlert', () => {
  const config = parseConfig(
    {
      defaultChannel: 'C0DEFAULT',
      routes: [
        {
          match: { source: 'glue', name: 'etl-*' },
          channel: 'C0DATA',
          mentions: { targets: ['S0ONCALL', '@here'] },
          runbook: 'https://wiki.example/etl',
        },
        { match: { account: '999999999999' }, channel: 'C0OTHER' },
      ],
    },
    'test',
  );

  it('takes the first matching route with its mentions and runbook', () => {
    expect(routeAlert(glueFailure, config)).toEqual({
      channel: 'C0DATA',
      mentions: ['<!subteam^S0ONCALL>', '<!here>'],
      runbookUrl: 'https://wiki.example/etl',
    });
  });

  it('never mentions on recovery (severity outside the mention list)', () => {
    expect(routeAlert({ ...glueFailure, state: 'recovered', severity: 'info' }, config).mentions).toEqual([]);
  });

  it('falls back to the default channel', () => {
    expect(routeAlert({ ...glueFailure, name: 'reporting' }, config)).toEqual({
      channel: 'C0DEFAULT',
      mentions: [],
    });
  });

  it('matches topic ARNs with wildcards; an empty list allows none', () => {
    expect(
      isTopicAllowed('arn:aws:sns:eu-west-1:123456789012:alerts-prod', [
        'arn:aws:sns:*:123456789012:alerts-*',
      ]),
    ).toBe(true);
    expect(isTopicAllowed('arn:aws:sns:eu-west-1:123456789012:alerts-prod', [])).toBe(false);
  });
});
