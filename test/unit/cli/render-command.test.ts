import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderInputError, renderFile } from '../../../src/cli/render-command.ts';
import { parseConfig } from '../../../src/config/load-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-render-'));
const alarmMessage = readFileSync('test/fixtures/cloudwatch/alarm-single-metric.json', 'utf8');

function fileWith(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function renderedText(path: string): string {
  return (JSON.parse(renderFile(path).output) as { text: string }).text;
}

describe('klaxon render', () => {
  it('renders an SNS message body (CloudWatch alarm JSON)', () => {
    const message = JSON.parse(renderFile('test/fixtures/cloudwatch/alarm-single-metric.json').output);
    expect(message.text).toContain('EC2-CPU');
    expect(message.blocks.length).toBeGreaterThan(2);
  });

  it('renders an EventBridge event', () => {
    expect(renderedText('test/fixtures/eventbridge/glue-job-failed.json')).toContain('MyJob');
  });

  it('renders an SNS envelope, HTTPS form and Lambda record form alike', () => {
    const envelope = {
      ...JSON.parse(readFileSync('test/fixtures/sns/notification.json', 'utf8')),
      Message: alarmMessage,
    };
    const lambdaEvent = JSON.parse(readFileSync('test/fixtures/lambda/sns-event.json', 'utf8'));
    lambdaEvent.Records[0].Sns.Message = alarmMessage;
    expect(renderedText(fileWith('envelope.json', JSON.stringify(envelope)))).toContain('EC2-CPU');
    expect(renderedText(fileWith('lambda.json', JSON.stringify(lambdaEvent)))).toContain('EC2-CPU');
  });

  it('renders plain text as a generic alert, with a note that it was not JSON', () => {
    const path = fileWith('plain.txt', 'Backup finished with warnings');
    expect(renderedText(path)).toContain('Backup finished');
    expect(renderFile(path).note).toBe(
      `${path} is not JSON: rendered as a plain-text SNS message, as Klaxon would post one`,
    );
  });

  it('refuses unreadable, empty and null input with a sentence that says why', () => {
    expect(() => renderFile(join(dir, 'missing.json'))).toThrow(RenderInputError);
    expect(() => renderFile(join(dir, 'missing.json'))).toThrow(
      /^cannot read .*missing\.json: no such file$/,
    );
    expect(() => renderFile(dir)).toThrow(/: it is a directory$/);
    expect(() => renderFile(fileWith('empty.json', '  \n'))).toThrow(/is empty/);
    expect(() => renderFile(fileWith('null.json', 'null'))).toThrow(
      /null\.json holds JSON null; expected an SNS envelope, an SNS message or an EventBridge event/,
    );
  });

  it("applies a configuration: the route's channel, mentions and runbook", () => {
    const config = parseConfig(
      {
        routes: [
          {
            match: { source: 'cloudwatch-alarm' },
            channel: '#infra',
            mentions: { targets: ['@here'], severities: ['critical', 'high', 'medium', 'low'] },
            runbook: 'https://runbooks.example.com/ec2-cpu',
          },
        ],
      },
      'test',
    );
    const message = JSON.parse(
      renderFile('test/fixtures/cloudwatch/alarm-single-metric.json', { config }).output,
    );
    expect(message.channel).toBe('#infra');
    expect(JSON.stringify(message)).toContain('<!here>');
    expect(JSON.stringify(message)).toContain('https://runbooks.example.com/ec2-cpu');
  });

  it('prints the message as readable text', () => {
    const { output } = renderFile('test/fixtures/cloudwatch/alarm-single-metric.json', { format: 'text' });
    expect(output).toMatch(/^Channel: #alerts\n\n/);
    expect(output).toContain('EC2-CPU');
    expect(output).not.toContain('"blocks"');
  });
});
