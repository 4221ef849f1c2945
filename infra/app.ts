// CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Everything comes from the settings file
// (`klaxon.settings.json`, or `-c settings=<file>`; see klaxon.settings.example.json), and any of its keys can
// be given as context instead (`-c stackName=KlaxonStaging`, lists comma-separated, objects as JSON).
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KlaxonStack } from './klaxon-stack.ts';
import { readSettings, SettingsError } from './settings/read-settings.ts';
import { settingsToStackProps } from './settings/settings-to-props.ts';

const app = new App();

function buildStack(): void {
  const file: unknown = app.node.tryGetContext('settings');
  const settings = readSettings({
    file: typeof file === 'string' && file !== '' ? file : undefined,
    context: app.node.getAllContext(),
  });
  new KlaxonStack(app, settings.stackName, {
    description: 'Klaxon: AWS notifications via SNS become actionable Slack alerts',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    ...settingsToStackProps(settings),
  });
}

try {
  buildStack();
} catch (error) {
  // Klaxon's own refusals (settings, config, bundles) name every problem; a stack trace would only hide it.
  const own =
    error instanceof SettingsError || (error instanceof Error && error.message.startsWith('Klaxon'));
  if (!own) throw error;
  console.error((error as Error).message);
  process.exit(1);
}

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
