import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { explainDeployFailure } from '../../infra/cli/bootstrap-problem.ts';
import { fillManifest, functionUrlFromOutputs } from '../../infra/cli/slack-manifest.ts';
import { run, useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();
const root = fileURLToPath(new URL('../..', import.meta.url));
const FUNCTION_URL = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';

describe('npm run deploy: explaining a failed deploy', () => {
  // The messages as aws-cdk 2.1148's CLI prints them (node_modules/aws-cdk/lib).
  it('recognises an unbootstrapped environment and names the bootstrap command for it', () => {
    const ssm =
      '❌  Klaxon failed: SSM parameter /cdk-bootstrap/hnb659fds/version not found in aws://111122223333/eu-west-1. ' +
      "Has the environment been bootstrapped? Please run 'cdk bootstrap' (see https://docs.aws.amazon.com/cdk/latest/guide/bootstrapping.html)";
    const assets =
      'This stack uses assets, so the toolkit stack must be deployed to the environment ' +
      '(Run "cdk bootstrap aws://444455556666/us-east-2")';
    expect(explainDeployFailure(ssm)).toContain('npx cdk bootstrap aws://111122223333/eu-west-1');
    expect(explainDeployFailure(assets)).toContain('npx cdk bootstrap aws://444455556666/us-east-2');
    expect(
      explainDeployFailure('Has the environment been bootstrapped?', { region: 'eu-north-1' }),
    ).toContain('npx cdk bootstrap aws://ACCOUNT/eu-north-1');
  });

  it('says when credentials are missing, and stays quiet about other failures', () => {
    const noCredentials =
      'Need to perform AWS calls for account 111122223333, but no credentials have been configured';
    expect(explainDeployFailure(noCredentials)).toMatch(/no AWS credentials/);
    expect(explainDeployFailure('Resource handler returned message: "Rate exceeded"')).toBeUndefined();
  });
});

describe('npm run manifest', () => {
  it('fills the Function URL host into every request URL of the manifest', () => {
    const manifest = parseYaml(
      fillManifest(
        'settings:\n  interactivity:\n    request_url: https://YOUR-KLAXON-HOST/slack/events\n',
        FUNCTION_URL,
      ),
    );
    expect(manifest.settings.interactivity.request_url).toBe(
      'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/slack/events',
    );
    expect(() => fillManifest('x: https://YOUR-KLAXON-HOST/', 'http://example.com')).toThrow(/https/);
  });

  it('reads the URL from the deploy outputs: the only stack, or the one named', () => {
    const outputs = {
      KlaxonStaging: { FunctionUrl: 'https://staging.lambda-url.eu-west-1.on.aws/' },
      KlaxonProduction: { FunctionUrl: FUNCTION_URL },
    };
    expect(functionUrlFromOutputs(outputs, 'KlaxonProduction')).toBe(FUNCTION_URL);
    expect(functionUrlFromOutputs({ Klaxon: { FunctionUrl: FUNCTION_URL } })).toBe(FUNCTION_URL);
    expect(() => functionUrlFromOutputs(outputs)).toThrow(/--stack/);
  });

  it('prints the repository manifest filled from an outputs file, or from --url offline', async () => {
    const outputsFile = join(ws.dir, 'cdk-outputs.json');
    writeFileSync(outputsFile, JSON.stringify({ Klaxon: { FunctionUrl: FUNCTION_URL } }));
    const tsx = join(root, 'node_modules/.bin/tsx');
    const script = join(root, 'infra/cli/print-manifest.ts');
    for (const args of [
      ['--outputs', outputsFile],
      ['--url', FUNCTION_URL],
    ]) {
      const { stdout } = await run(tsx, [script, ...args], { cwd: ws.dir, timeout: 30_000 });
      const manifest = parseYaml(stdout);
      expect(manifest.settings.event_subscriptions.request_url).toBe(
        `${new URL(FUNCTION_URL).origin}/slack/events`,
      );
      expect(stdout.split('\n').filter((line) => !line.startsWith('#'))).not.toContainEqual(
        expect.stringContaining('YOUR-KLAXON-HOST'),
      );
    }
  }, 60_000);
});
