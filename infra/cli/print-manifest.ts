// `npm run manifest [-- --url <FunctionUrl> | --outputs <file> | --stack <name>]`: prints the Slack app
// manifest with the deployed Function URL. The URL comes from --url (offline), else from the outputs file that
// `npm run deploy` wrote, else from CloudFormation (`aws cloudformation describe-stacks`, needs credentials).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fillManifest, functionUrlFromOutputs, ManifestError } from './slack-manifest.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    outputs: { type: 'string', default: 'cdk-outputs.json' },
    stack: { type: 'string' },
    manifest: {
      type: 'string',
      default: fileURLToPath(new URL('../../slack-app-manifest.yaml', import.meta.url)),
    },
  },
});

function findFunctionUrl(): string {
  if (args.url) return args.url;
  if (existsSync(args.outputs)) {
    return functionUrlFromOutputs(JSON.parse(readFileSync(args.outputs, 'utf8')), args.stack);
  }
  const stack = args.stack ?? 'Klaxon';
  try {
    const query = "Stacks[0].Outputs[?OutputKey=='FunctionUrl'].OutputValue";
    const awsArgs = [
      'cloudformation',
      'describe-stacks',
      '--stack-name',
      stack,
      '--query',
      query,
      '--output',
      'text',
    ];
    return execFileSync('aws', awsArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new ManifestError(
      `no ${args.outputs} and no answer from \`aws cloudformation describe-stacks --stack-name ${stack}\`: ` +
        'pass the URL with --url https://<id>.lambda-url.<region>.on.aws/ (stack output FunctionUrl)',
    );
  }
}

try {
  process.stdout.write(fillManifest(readFileSync(args.manifest, 'utf8'), findFunctionUrl()));
} catch (error) {
  if (!(error instanceof ManifestError)) throw error;
  console.error(`Klaxon manifest: ${error.message}`);
  process.exitCode = 1;
}
