import { describe, expect, it } from 'vitest';
import { PortUnavailableError } from '../../../src/app/listen-error.ts';
import { describeFatalError } from '../../../src/cli/describe-fatal-error.ts';
import { ConfigError } from '../../../src/config/load-config.ts';
import { DataDirectoryInUseError } from '../../../src/store/orphaned-dynamodb-local.ts';

class SlackTokenRejectedError extends Error {
  override name = 'SlackTokenRejectedError';
}

describe('describeFatalError', () => {
  it.each([
    new ConfigError('Invalid environment'),
    new PortUnavailableError('port 3000 is in use; set PORT'),
    new SlackTokenRejectedError('Slack refused SLACK_BOT_TOKEN (invalid_auth)'),
    new DataDirectoryInUseError('another Klaxon (process 42) is running on .klaxon/dynamodb'),
  ])('prints a known error ($name) as one sentence without a stack', (error) => {
    expect(describeFatalError(error)).toBe(`klaxon: ${error.message}\n`);
  });

  it('prints the stack of anything else (a bug)', () => {
    const text = describeFatalError(new TypeError('x is undefined'));
    expect(text).toMatch(/^klaxon: TypeError: x is undefined\n\s+at /);
  });
});
