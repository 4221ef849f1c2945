// CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Everything comes from the settings file
// (`klaxon.settings.json`, or `-c settings=<file>`; see klaxon.settings.example.json), and any of its keys can
// be given as context instead (`-c stackName=KlaxonStaging`, lists comma-separated, objects as JSON).
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KlaxonStack } from './klaxon-stack.ts';
import { readSettings, SettingsError } from './settings/read-settings.ts';
import { settingsToStackProps } from './settings/settings-to-props.ts';

const app = new App();

function readAppSettings() {
  const file: unknown = app.node.tryGetContext('settings');
  try {
    return readSettings({
      file: typeof file === 'string' && file !== '' ? file : undefined,
      context: app.node.getAllContext(),
    });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // The message names every problem; a stack trace would only hide it.
    console.error(error.message);
    process.exit(1);
  }
}

const settings = readAppSettings();

new KlaxonStack(app, settings.stackName, {
  description: 'Klaxon: AWS notifications via SNS become actionable Slack alerts',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  ...settingsToStackProps(settings),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
