import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderUsage, runRenderCli } from '../../../src/cli/render-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-render-cli-'));
const alarm = 'test/fixtures/cloudwatch/alarm-single-metric.json';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runRenderCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('klaxon render (arguments)', () => {
  it.each([['--help'], ['-h']])('%s prints its usage and exits 0', (flag) => {
    expect(run(flag)).toEqual({ code: 0, out: `${renderUsage}\n`, err: '' });
  });

  it.each([
    [[], 'klaxon render: expected a FILE'],
    [[alarm, alarm], 'klaxon render: expected one FILE, got 2'],
    [['--colour', alarm], "klaxon render: Unknown option '--colour'"],
    [['--format', 'yaml', alarm], 'klaxon render: --format must be one of json, text; got "yaml"'],
  ])('refuses %j with one sentence, its usage and exit code 2', (args, sentence) => {
    const { code, out, err } = run(...args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain(sentence);
    expect(err).toContain('Usage: klaxon render');
  });

  it('answers a missing file with its name and "no such file", exit code 2', () => {
    expect(run(join(dir, 'nope.json'))).toEqual({
      code: 2,
      out: '',
      err: `klaxon render: cannot read ${join(dir, 'nope.json')}: no such file\n`,
    });
  });

  it('answers a file holding null with a sentence, not a stack trace', () => {
    const path = join(dir, 'null.json');
    writeFileSync(path, 'null');
    const { code, err } = run(path);
    expect(code).toBe(2);
    expect(err).toMatch(/^klaxon render: .*null\.json holds JSON null; expected/);
    expect(err).not.toContain('    at ');
  });

  it('renders text that is not JSON, saying so on stderr', () => {
    const path = join(dir, 'note.txt');
    writeFileSync(path, 'The nightly export is late');
    const { code, out, err } = run('--format', 'text', path);
    expect(code).toBe(0);
    expect(out).toContain('The nightly export is late');
    expect(err).toBe(
      `klaxon render: note: ${path} is not JSON: rendered as a plain-text SNS message, as Klaxon would post one\n`,
    );
  });

  it('applies --config, and names the bad value of a bad configuration', () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'routes:\n  - match: { source: cloudwatch-alarm }\n    channel: "#infra"\n');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'routes:\n  - match: { severity: urgent }\n    channel: "#infra"\n');

    expect(run('--config', good, '--format', 'text', alarm).out).toMatch(/^Channel: #infra\n/);
    const refused = run('--config', bad, alarm);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('routes.0.match.severity');
  });
});
