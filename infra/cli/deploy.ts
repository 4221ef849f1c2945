// `npm run deploy [-- <cdk deploy options>]`: builds the Lambda bundles, runs `cdk deploy` with the outputs
// written to cdk-outputs.json (read by `npm run manifest`), and explains a not-bootstrapped account.
import { type SpawnOptions, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { explainDeployFailure } from './bootstrap-problem.ts';

export const OUTPUTS_FILE = 'cdk-outputs.json';
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command with the terminal attached (approval prompts work), keeping a copy of what it printed. */
function runTee(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

async function deploy(cdkArgs: string[]): Promise<number> {
  const built = await runTee(process.execPath, ['scripts/build-lambdas.mjs']);
  if (built.code !== 0) return built.code;
  const cdk = fileURLToPath(new URL('../../node_modules/.bin/cdk', import.meta.url));
  const env = { CDK_DISABLE_CLI_TELEMETRY: 'true', ...process.env };
  const deployed = await runTee(cdk, ['deploy', '--no-notices', '--outputs-file', OUTPUTS_FILE, ...cdkArgs], {
    env,
  });
  if (deployed.code !== 0) {
    const advice = explainDeployFailure(deployed.output, {
      account: process.env.CDK_DEFAULT_ACCOUNT,
      region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
    });
    if (advice) console.error(`\n${advice}`);
    return deployed.code;
  }
  console.log(
    `\nDeployed; outputs in ${OUTPUTS_FILE}. Next: \`npm run manifest\` for the Slack app manifest, then put the ` +
      'Slack secret (see infra/README.md, "Deploy").',
  );
  return 0;
}

process.exitCode = await deploy(process.argv.slice(2));
