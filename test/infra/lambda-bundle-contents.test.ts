import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { boltUnusedReceiverPackages } from '../../scripts/bolt-unused-receivers.mjs';
import { lambdaBuildOptions } from '../../scripts/lambda-build-options.mjs';

/** The packages a bundle carries, read from esbuild's metafile (what `npm run build` ships, not timed). */
async function packagesIn(handler: string): Promise<{ packages: Set<string>; bytes: number }> {
  const result = await build({
    ...lambdaBuildOptions(),
    entryPoints: [`src/lambda/${handler}.ts`],
    outdir: 'dist/unused',
    write: false,
  });
  const metafile = result.metafile as Metafile;
  const packages = new Set(
    Object.keys(metafile.inputs).flatMap((file) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
      return match?.[1] ? [match[1]] : [];
    }),
  );
  const bytes = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.mjs'))?.[1].bytes ?? 0;
  return { packages, bytes };
}

describe('each Lambda bundle carries only its own path', () => {
  it('the SNS function: no Bolt, no query clients, no YAML parser, no pretty-printer, under 1 MiB', async () => {
    const { packages, bytes } = await packagesIn('sns-handler');
    for (const name of [
      '@slack/bolt',
      'yaml',
      'pino-pretty',
      '@aws-sdk/client-sns',
      // The queries, buttons and sweep are the Slack function's and the worker's, never the SNS path's.
      '@aws-sdk/client-athena',
      '@aws-sdk/client-cloudtrail',
      '@aws-sdk/client-cloudwatch',
      '@aws-sdk/client-cloudwatch-logs',
      '@aws-sdk/client-glue',
    ]) {
      expect(packages, name).not.toContain(name);
    }
    expect(packages).toContain('@aws-sdk/client-dynamodb');
    // It hands each alert's lookups to the worker with an asynchronous Invoke (enrich-invocation.ts), so
    // SNS's answer never waits for AWS: the Lambda client belongs here.
    expect(packages).toContain('@aws-sdk/client-lambda');
    expect(bytes).toBeLessThan(1024 * 1024);
  }, 60_000);

  it('the worker: no Bolt, no YAML parser, no pretty-printer', async () => {
    const { packages } = await packagesIn('worker-handler');
    for (const name of ['@slack/bolt', 'yaml', 'pino-pretty']) expect(packages, name).not.toContain(name);
  }, 60_000);

  it('the Slack function: Bolt, but none of its unused receivers, no YAML parser or pretty-printer', async () => {
    const { packages, bytes } = await packagesIn('slack-handler');
    expect(packages).toContain('@slack/bolt');
    // Bolt runs on AwsLambdaReceiver there: what only its Express, HTTP and Socket Mode receivers call is
    // replaced by a stand-in (scripts/bolt-unused-receivers.mjs), and with it what those packages pull in.
    expect(boltUnusedReceiverPackages).toEqual(['express', 'raw-body', '@slack/socket-mode']);
    for (const name of [
      ...boltUnusedReceiverPackages,
      'iconv-lite',
      'undici',
      'mime-db',
      'yaml',
      'pino-pretty',
    ]) {
      expect(packages, name).not.toContain(name);
    }
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  }, 60_000);

  it('ships no source map unless KLAXON_SOURCEMAP=1', () => {
    expect(lambdaBuildOptions({ sourcemap: false }).sourcemap).toBe(false);
    expect(lambdaBuildOptions().sourcemap).toBe(process.env.KLAXON_SOURCEMAP === '1');
  });
});
