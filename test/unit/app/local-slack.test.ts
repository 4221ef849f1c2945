import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalSlack } from '../../../src/app/local-slack.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-local-slack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local stand-in for Slack, in a terminal', () => {
  it('prints every message Klaxon posts and every command answer as readable text', async () => {
    // Prepare
    const printed: string[] = [];
    const local = await startLocalSlack((text) => printed.push(text), dir);
    const client = new WebClient(local.token, { slackApiUrl: local.api.url, logLevel: LogLevel.ERROR });
    try {
      // Act
      await client.chat.postMessage({
        channel: 'C0ALERTS',
        text: 'fallback',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*EC2-CPU* is in ALARM' } }],
      });
      await client.chat.postEphemeral({
        channel: 'C0ALERTS',
        user: 'U0SANDBOX',
        text: 'fallback',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*2 open alerts*' } }],
      });
    } finally {
      await local.stop();
    }

    // Assess
    const output = printed.join('');
    expect(output).toContain('── Slack message in #C0ALERTS ──\nEC2-CPU is in ALARM');
    expect(output).toContain('── Slack reply only @U0SANDBOX sees, in #C0ALERTS ──\n2 open alerts');
  });
});
