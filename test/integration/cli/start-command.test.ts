import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

function startWith(env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    // A loaded 2-core machine needs a while to start tsx and Node: generous, but bounded.
    timeout: 90_000,
  });
}

describe('klaxon start', () => {
  it('stops at start-up on invalid configuration, naming the field and the problem', async () => {
    const config = JSON.stringify({ routes: [{ channel: 'C1', match: { severity: 'urgent' } }] });
    await expect(startWith({ KLAXON_CONFIG_JSON: config })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /Invalid configuration in KLAXON_CONFIG_JSON:\n {2}- routes\.0\.match\.severity: /,
      ),
    });
  }, 120_000);

  it('refuses a bot token without its signing secret, and never prints the token', async () => {
    const failed = startWith({ SLACK_BOT_TOKEN: 'xoxb-secret-value-123' });
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
    await failed.catch((error: { stderr: string; stdout: string }) => {
      expect(error.stderr + error.stdout).not.toContain('xoxb-secret-value-123');
    });
  }, 120_000);

  it('answers an unknown command with usage and exit code 2', async () => {
    const failed = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'launch']);
    await expect(failed).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
  }, 120_000);

  it('with no command prints the usage with its subcommands and exits 2, starting nothing', async () => {
    const failed = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts'], { timeout: 90_000 });
    await expect(failed).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^klaxon: no command given\nUsage:\n {2}klaxon start[\s\S]*klaxon render[\s\S]*klaxon audit export/,
      ),
    });
  }, 120_000);

  it('answers render --help with the usage of render, exit code 0', async () => {
    const ok = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'render', '--help']);
    expect(ok.stdout).toMatch(/^Usage: klaxon render \[--config FILE\] \[--format json\|text\] FILE/);
  }, 120_000);
});
