import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportedHandlerType, HANDLER_NAMES, run, useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();
const buildScript = fileURLToPath(new URL('../../scripts/build-lambdas.mjs', import.meta.url));

describe('scripts/build-lambdas.mjs', () => {
  it('bundles every handler into <name>/index.mjs that Node imports without AWS and that exports handler', async () => {
    // Act: the real build (esbuild, a few seconds) into a directory of its own, not dist/lambda.
    const outDir = join(ws.dir, 'real-bundles');
    await run(process.execPath, [buildScript, '--outdir', outDir], { timeout: 60_000 });
    const types = await Promise.all(
      HANDLER_NAMES.map((name) => exportedHandlerType(join(outDir, name, 'index.mjs'))),
    );
    expect(types).toEqual(HANDLER_NAMES.map(() => 'function'));
    // Only the Slack function serves Slack's requests: the others never load Bolt (a smaller, faster cold start).
    const hasBolt = (name: string) =>
      readFileSync(join(outDir, name, 'index.mjs'), 'utf8').includes('Initializing HTTPReceiver');
    expect(HANDLER_NAMES.filter(hasBolt)).toEqual(['slack-handler']);
    expect(() => ws.synth({ bundleDir: outDir })).not.toThrow();
  }, 120_000);
});
