import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';

const problemsOf = (document: unknown) => {
  try {
    parseConfig(document, 'klaxon.yaml');
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error('expected the configuration to be refused');
};

const severities = '"critical", "high", "medium", "low", "info"';

describe('configuration errors name the bad value and the allowed values', () => {
  it.each([
    [
      'a severity',
      { routes: [{ channel: 'C1', match: { severity: 'urgent' } }] },
      `  - routes.0.match.severity: "urgent" is not allowed; use one of ${severities}`,
    ],
    [
      'a severity in a list',
      { routes: [{ channel: 'C1', match: { severity: ['high', 'hgh'] } }] },
      `  - routes.0.match.severity.1: "hgh" is not allowed; use one of ${severities}`,
    ],
    [
      'a source',
      { routes: [{ channel: 'C1', match: { source: 'cloudwatch' } }] },
      '  - routes.0.match.source: "cloudwatch" is not allowed; use one of "cloudwatch-alarm", "macie", "glue", "emr", "guardduty", "security-hub", "health", "backup", "cloudtrail", "generic"',
    ],
    [
      'a mention',
      { routes: [{ channel: 'C1', mentions: { targets: ['bob'] } }] },
      '  - routes.0.mentions.targets.0: "bob" is not allowed; use one of "@here", "@channel"; or it must be a Slack user group id such as S0614TZR7; or it must be a Slack user id such as U012AB3CD',
    ],
    [
      'a channel name with a space',
      { defaultChannel: '#data team' },
      '  - defaultChannel: must be a channel id (C…) or #name (lowercase letters, numbers, - and _, no spaces) (found "#data team")',
    ],
  ])('%s', (_what, document, line) => {
    expect(problemsOf(document)).toEqual([line]);
  });

  it('accepts channel ids and lowercase names in any script', () => {
    expect(parseConfig({ defaultChannel: '#données_2-ops' }, 'x').defaultChannel).toBe('#données_2-ops');
    expect(parseConfig({ defaultChannel: 'C0123ABCD' }, 'x').defaultChannel).toBe('C0123ABCD');
  });

  it('names a misspelt environment choice, but never echoes a secret', () => {
    const refused = () => loadSettings({ KLAXON_LOG_LEVEL: 'verbose', SLACK_BOT_TOKEN: 'xoxp-secret-1' });
    expect(refused).toThrow(
      '  - KLAXON_LOG_LEVEL: "verbose" is not allowed; use one of "fatal", "error", "warn", "info", "debug", "trace", "silent"',
    );
    expect(refused).not.toThrow(/xoxp-secret-1/);
  });
});
