// Shared by the infra tests: a temp directory with stub bundles, the synth with cdk-nag attached, and readers
// for the synthesized template and cloud assembly.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll } from 'vitest';
import { KlaxonStack, type KlaxonStackProps } from '../../infra/klaxon-stack.ts';

export const run = promisify(execFile);

export const HANDLER_NAMES = ['sns-handler', 'slack-handler', 'worker-handler'] as const;
export const ENV = { account: '111122223333', region: 'eu-west-1' };
export const SAME_REGION_TOPIC = 'arn:aws:sns:eu-west-1:111122223333:ops-alerts';
export const OTHER_REGION_TOPIC = 'arn:aws:sns:us-east-1:111122223333:billing-alerts';

/** Every option set: subscriptions in two regions, narrowed IAM, Athena over CloudTrail. */
export const FULL_OPTIONS: Partial<KlaxonStackProps> = {
  config: { routes: [{ match: { source: 'glue' }, channel: 'C0DATA' }] },
  subscribeTopicArns: [SAME_REGION_TOPIC, OTHER_REGION_TOPIC],
  allowedTopicArns: ['arn:aws:sns:eu-west-1:444455556666:partner'],
  rerunGlueJobNames: ['nightly-etl'],
  slackAppId: 'A0KLAXON1',
  logsQueryLogGroupArns: ['arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/app:*'],
  cloudTrailQuery: {
    glueDatabase: 'security',
    glueTable: 'cloudtrail_logs',
    bucketName: 'org-trail',
    bucketPrefix: 'AWSLogs/',
    athenaWorkGroup: 'klaxon',
    athenaOutputLocation: 's3://athena-results-bucket/klaxon/',
  },
};

export interface Workspace {
  /** The temp directory of the test file. */
  readonly dir: string;
  /** Stub bundles (`<name>/index.mjs` exporting `handler`), the default `bundleDir` of `synth`. */
  readonly bundleDir: string;
  /** Synthesizes the whole app with cdk-nag attached: `app.synth()` throws on any unacknowledged finding. */
  synth(
    props?: Partial<KlaxonStackProps>,
    tweak?: (stack: KlaxonStack) => void,
  ): { stack: KlaxonStack; template: Template; outdir: string };
}

/** A workspace for one test file: created in beforeAll, removed in afterAll. */
export function useWorkspace(): Workspace {
  const ws = {
    dir: '',
    bundleDir: '',
    synth(props: Partial<KlaxonStackProps> = {}, tweak?: (stack: KlaxonStack) => void) {
      const outdir = mkdtempSync(join(ws.dir, 'cdk.out-'));
      const app = new App({ outdir });
      const stack = new KlaxonStack(app, 'KlaxonTest', { env: ENV, bundleDir: ws.bundleDir, ...props });
      tweak?.(stack);
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      app.synth();
      return { stack, template: Template.fromStack(stack), outdir };
    },
  };
  beforeAll(() => {
    ws.dir = mkdtempSync(join(tmpdir(), 'klaxon-infra-'));
    ws.bundleDir = join(ws.dir, 'bundle');
    for (const name of HANDLER_NAMES) {
      mkdirSync(join(ws.bundleDir, name), { recursive: true });
      writeFileSync(join(ws.bundleDir, name, 'index.mjs'), 'export const handler = async () => ({});\n');
    }
  });
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));
  return ws;
}

export type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

export function statementsOf(template: Template, type: string): Statement[] {
  return Object.values(template.findResources(type)).flatMap(
    (r) => (r.Properties.PolicyDocument.Statement as Statement[]) ?? [],
  );
}

export function actionsOf(s: Statement): string[] {
  return Array.isArray(s.Action) ? s.Action : [s.Action];
}

export function functionLogicalId(template: Template, name: string): string {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, r]) => r.Properties.Description === `Klaxon ${name}`,
  );
  if (!found) throw new Error(`no function ${name}`);
  return found[0];
}

/** The asset directory a function's code was staged to in the cloud assembly (what `cdk deploy` zips). */
export function stagedCodeDir(template: Template, outdir: string, name: string): string {
  const fn = template.findResources('AWS::Lambda::Function')[functionLogicalId(template, name)];
  const hash = /^([0-9a-f]{64})\.zip$/.exec(fn?.Properties.Code.S3Key)?.[1];
  if (!hash) throw new Error(`${name}: no asset S3Key`);
  return join(outdir, `asset.${hash}`);
}

/**
 * `typeof handler` of a bundle, imported by a fresh Node with no AWS settings: the import must neither need AWS
 * nor start anything (the child has to exit by itself), and it must not take long.
 */
export async function exportedHandlerType(file: string): Promise<string> {
  const script = `import(${JSON.stringify(pathToFileURL(file).href)}).then((m) => console.log(typeof m.handler))`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH },
    timeout: 20_000,
  });
  return stdout.trim();
}

/** The environment a deployed function would see: references replaced by values of the deployed shape. */
export function deployedEnvironment(template: Template, name: string): NodeJS.ProcessEnv {
  const resolved: Record<string, string> = {
    KLAXON_TABLE_NAME: 'KlaxonTest-TableCD117FA1-1ABCDEF',
    KLAXON_SLACK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:SlackSecret-AbCdEf',
    KLAXON_ALLOWED_TOPIC_ARNS: `arn:aws:sns:eu-west-1:111122223333:klaxon-alerts,${SAME_REGION_TOPIC}`,
    KLAXON_WORKER_FUNCTION_NAME: 'KlaxonTest-Worker11F36D0F-AbCdEf',
  };
  const fn = template.findResources('AWS::Lambda::Function')[functionLogicalId(template, name)];
  const variables = Object.entries(fn?.Properties.Environment.Variables as Record<string, unknown>);
  return Object.fromEntries(
    variables.map(([key, value]) => [key, typeof value === 'string' ? value : resolved[key]]),
  );
}
