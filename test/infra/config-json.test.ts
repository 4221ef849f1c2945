import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigJson } from '../../infra/config-json.ts';
import { useWorkspace } from './klaxon-test-kit.ts';

const ws = useWorkspace();

describe('readConfigJson', () => {
  it('reads YAML and JSON files into compact JSON', () => {
    const yamlFile = join(ws.dir, 'klaxon.yaml');
    writeFileSync(yamlFile, 'routes:\n  - channel: C1\n');
    expect(readConfigJson({ configFile: yamlFile })).toBe('{"routes":[{"channel":"C1"}]}');
    const jsonFile = join(ws.dir, 'klaxon.json');
    writeFileSync(jsonFile, '{ "routes": [] }');
    expect(readConfigJson({ configFile: jsonFile })).toBe('{"routes":[]}');
    expect(readConfigJson({ config: '{"defaultChannel":"#ops"}' })).toBe('{"defaultChannel":"#ops"}');
  });

  it('refuses both sources at once and configs too large for a Lambda environment', () => {
    expect(() => readConfigJson({ config: {}, configFile: 'x.json' })).toThrow(/either/);
    expect(() => readConfigJson({ config: { big: 'x'.repeat(4000) } })).toThrow(/4 KB/);
    expect(() => readConfigJson({ configFile: join(ws.dir, 'nowhere.yaml') })).toThrow(
      /no config file .*nowhere\.yaml/,
    );
  });

  it('refuses a config the functions would refuse at every cold start', () => {
    const config = { routes: [{ match: { source: 'aws.glue' }, channel: 'C1' }] };
    expect(() => readConfigJson({ config })).toThrow(/routes\.0\.match\.source/);
  });
});
