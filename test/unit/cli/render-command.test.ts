import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderInputError, renderFile } from '../../../src/cli/render-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-render-'));
const alarmMessage = readFileSync('test/fixtures/cloudwatch/alarm-single-metric.json', 'utf8');

function fileWith(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function renderedText(path: string): string {
  return (JSON.parse(renderFile(path)) as { text: string }).text;
}

describe('klaxon render', () => {
  it('renders an SNS message body (CloudWatch alarm JSON)', () => {
    const message = JSON.parse(renderFile('test/fixtures/cloudwatch/alarm-single-metric.json'));
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

  it('renders plain text as a generic alert', () => {
    expect(renderedText(fileWith('plain.txt', 'Backup finished with warnings'))).toContain('Backup finished');
  });

  it('refuses unreadable and empty input with a clear error', () => {
    expect(() => renderFile(join(dir, 'missing.json'))).toThrow(RenderInputError);
    expect(() => renderFile(join(dir, 'missing.json'))).toThrow(/cannot read .*ENOENT/);
    expect(() => renderFile(fileWith('empty.json', '  \n'))).toThrow(/is empty/);
  });
});
