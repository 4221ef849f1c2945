import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigJson } from '../../infra/config-json.ts';
import { readSettings, SettingsError } from '../../infra/settings/read-settings.ts';
import { settingsToStackProps } from '../../infra/settings/settings-to-props.ts';
import { useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();
const example = new URL('../../klaxon.settings.example.json', import.meta.url).pathname;

describe('deploy settings', () => {
  it('reads the documented example, with defaults for what it leaves out', () => {
    const settings = readSettings({ file: example });
    expect(settings.stackName).toBe('KlaxonProduction');
    expect(settings.eventRules).toEqual({
      glueJobStateChange: true,
      emrStepStatusChange: true,
      macieFinding: true,
      cloudWatchAlarmStateChange: false,
    });
    expect(settings.reservedConcurrency.worker).toBe(5);
    expect(settingsToStackProps(settings).cloudTrailQuery?.athenaOutputLocation).toBe(
      's3://athena-results-111122223333/klaxon/',
    );
  });

  it('takes context values over the file: lists comma-separated, objects as JSON', () => {
    const file = join(ws.dir, 'staging.json');
    writeFileSync(file, JSON.stringify({ stackName: 'KlaxonStaging', operatorEmail: 'a@example.com' }));
    const settings = readSettings({
      file,
      context: {
        stackName: 'KlaxonStaging2',
        subscribeTopicArns: 'arn:aws:sns:eu-west-1:111122223333:a, arn:aws:sns:eu-west-1:111122223333:b',
        eventRules: '{"macieFinding":false}',
        '@aws-cdk/core:someFeatureFlag': true,
      },
    });
    expect(settings.stackName).toBe('KlaxonStaging2');
    expect(settings.subscribeTopicArns).toHaveLength(2);
    expect(settings.eventRules.macieFinding).toBe(false);
    expect(settings.eventRules.glueJobStateChange).toBe(true);
    expect(settings.operatorEmail).toBe('a@example.com');
  });

  it('names every problem with its path, and refuses unknown keys', () => {
    const file = join(ws.dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        operatorEmail: 'not-an-address',
        subscribeTopicArns: ['arn:aws:sqs:eu-west-1:111122223333:q'],
        reservedConcurrency: { worker: 0 },
        eventRule: {},
      }),
    );
    const read = () => readSettings({ file });
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(/operatorEmail/);
    expect(read).toThrow(/subscribeTopicArns\.0: must be an sns ARN/);
    expect(read).toThrow(/reservedConcurrency\.worker/);
    expect(read).toThrow(/eventRule/);
    expect(() => readSettings({ file: join(ws.dir, 'missing.json') })).toThrow(/no file/);
  });

  it('uses all defaults when there is no settings file at all (offline synth)', () => {
    const settings = readSettings({ file: undefined, context: {} });
    expect(settings.stackName).toBe('Klaxon');
    expect(settingsToStackProps(settings).alertsTopicName).toBeUndefined();
    const keepOldName = readSettings({ context: { alertsTopicName: 'klaxon-alerts' } });
    expect(settingsToStackProps(keepOldName).alertsTopicName).toBe('klaxon-alerts');
  });

  it('puts the settings channel into the config as its default channel', () => {
    expect(readConfigJson({ config: {}, defaultChannel: '#ops' })).toBe('{"defaultChannel":"#ops"}');
    expect(() => readConfigJson({ config: { defaultChannel: '#a' }, defaultChannel: '#b' })).toThrow(
      /differ/,
    );
  });
});
