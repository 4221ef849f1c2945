import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The real CLI in a child process: slow to start on a loaded machine, so it lives here, not in test/unit. */
describe('klaxon render (the process)', () => {
  it('exits 0 with Block Kit JSON on stdout, and 2 with a message on stderr', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'render',
      'test/fixtures/eventbridge/macie-policy-bucket-public-read.json',
    ]);
    expect(JSON.parse(ok.stdout).blocks).toBeInstanceOf(Array);
    const failed = run(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'render',
      'does-not-exist/nope.json',
    ]);
    await expect(failed).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('klaxon render: cannot read'),
    });
  }, 120_000);
});
