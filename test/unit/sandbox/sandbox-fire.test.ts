import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';
import { AlertSources } from '../../../src/model/alert.ts';
import {
  createSampleFirer,
  formatStateChangeTime,
  prepareSample,
  sandboxSamples,
} from '../../../src/sandbox/sandbox-fire.ts';
import { createSnsSigner } from '../../../src/sandbox/sns-signer.ts';
import type { SnsMessage } from '../../../src/sns/sns-message.ts';
import { verifySnsMessage } from '../../../src/sns/verify-sns-message.ts';

const topicArn = 'arn:aws:sns:us-east-1:000000000000:klaxon-sandbox';
const now = new Date('2024-05-01T10:20:30.456Z');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('bundled samples', () => {
  it.each([
    ['cloudwatch-alarm.json', 'cloudwatch/alarm-single-metric.json'],
    ['cloudwatch-alarm-ok.json', 'cloudwatch/alarm-single-metric-ok.json'],
    ['macie-finding.json', 'eventbridge/macie-sensitive-data-personal.json'],
    ['glue-job-failed.json', 'eventbridge/glue-job-failed.json'],
    ['glue-job-succeeded.json', 'eventbridge/glue-job-succeeded.json'],
    ['guardduty-finding.json', 'eventbridge/guardduty-ec2.json'],
    ['security-hub-finding.json', 'eventbridge/securityhub-cis-4.1-failed.json'],
    ['security-hub-finding-archived.json', 'eventbridge/securityhub-cis-4.1-archived.json'],
    ['health-event.json', 'eventbridge/health-ec2-drive-degraded.json'],
    ['health-event-ended.json', 'eventbridge/health-ec2-drive-degraded-ended.json'],
    ['backup-job-failed.json', 'eventbridge/backup-job-failed.json'],
    ['backup-job-completed.json', 'eventbridge/backup-job-completed.json'],
    ['cloudtrail-console-sign-in-failed.json', 'eventbridge/cloudtrail-console-sign-in-failed.json'],
    ['cloudtrail-api-call-create-bucket.json', 'eventbridge/cloudtrail-api-call-create-bucket.json'],
    ['emr-cluster-terminated-with-errors.json', 'eventbridge/emr-cluster-terminated-with-errors.json'],
    ['glue-job-run-delayed.json', 'eventbridge/glue-job-run-status-running.json'],
    ['macie-findings.json', 'macie/findings-array.json'],
    ['macie-classic-alert.json', 'eventbridge/macie-classic-alert.json'],
    ['cloudwatch-alarm-action.json', 'cloudwatch/alarm-action-metric-typos-fixed.json'],
    ['cloudtrail-insight-start.json', 'eventbridge/cloudtrail-insight-start.json'],
    ['cloudtrail-insight-end.json', 'eventbridge/cloudtrail-insight-end.json'],
    ['emr-step-failed.json', 'eventbridge/emr-step-failed.json'],
    ['emr-step-completed.json', 'eventbridge/emr-step-completed.json'],
    ['alarm-state-change.json', 'eventbridge/alarm-state-change-single-metric.json'],
    ['generic-backup-plan-modified.json', 'eventbridge/backup-plan-modified.json'],
    ['cloudwatch-alarm-composite.json', 'cloudwatch/alarm-composite.json'],
    ['cloudwatch-alarm-custom-metric.json', 'cloudwatch/alarm-single-metric-us-east-1.json'],
  ])('%s is a copy of the fixture %s', (sample, fixture) => {
    expect(readFileSync(`src/sandbox/samples/${sample}`, 'utf8')).toBe(
      readFileSync(`test/fixtures/${fixture}`, 'utf8'),
    );
  });
});

describe('the sample list', () => {
  it('offers every source the pipeline understands, each bundled sample once', () => {
    // Prepare
    const read = (file: string) => readFileSync(`src/sandbox/samples/${file}`, 'utf8');

    // Act
    const sources = new Set(
      sandboxSamples.map(
        (sample) =>
          parseSnsNotification({
            messageId: 'm',
            topicArn: topicArn,
            message: read(sample.file),
            timestamp: now.toISOString(),
          }).source,
      ),
    );

    // Assess
    expect([...sources].sort()).toEqual(Object.values(AlertSources).sort());
    const files = readdirSync('src/sandbox/samples').filter((file) => file.endsWith('.json'));
    expect(new Set(sandboxSamples.map((sample) => sample.file))).toEqual(new Set(files));
  });
});

describe('prepareSample', () => {
  const alarm = readJson('src/sandbox/samples/cloudwatch-alarm.json');

  it('sets only the alarm time, in CloudWatch format', () => {
    const prepared = prepareSample(alarm, now);
    expect(prepared).toEqual({ ...alarm, StateChangeTime: '2024-05-01T10:20:30.456+0000' });
    expect(formatStateChangeTime(now)).toBe('2024-05-01T10:20:30.456+0000');
  });

  it('keeps the repeated alarm time for a repeat', () => {
    expect(prepareSample(alarm, now, '2024-05-01T09:00:00.000+0000').StateChangeTime).toBe(
      '2024-05-01T09:00:00.000+0000',
    );
  });

  it('sets only the envelope time of an EventBridge event', () => {
    const glue = readJson('src/sandbox/samples/glue-job-failed.json');
    expect(prepareSample(glue, now)).toEqual({ ...glue, time: '2024-05-01T10:20:30Z' });
  });
});

describe('createSampleFirer', () => {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"new-alert"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sns`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts signed SNS notifications that verify with the sandbox key, repeats keeping the alarm time', async () => {
    const signer = createSnsSigner();
    let clock = now;
    const firer = createSampleFirer({ signer, topicArn, now: () => clock });
    expect(await firer.fire('alarm', url)).toEqual({ status: 200, body: { outcome: 'new-alert' } });
    clock = new Date(now.getTime() + 60_000);
    await firer.fire('alarm-repeat', url);
    const [first, repeat] = received.map((r) => ({ ...r, message: JSON.parse(r.body) as SnsMessage }));
    expect(first!.headers).toMatchObject({
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-topic-arn': topicArn,
    });
    expect(await verifySnsMessage(first!.message, signer.fetchCertificateWith())).toEqual({ ok: true });
    expect(repeat!.message.MessageId).not.toBe(first!.message.MessageId);
    expect(JSON.parse(repeat!.message.Message).StateChangeTime).toBe(
      JSON.parse(first!.message.Message).StateChangeTime,
    );
  });

  it('posts pasted text as the Message exactly as typed, signed, with the subject given', async () => {
    // Prepare
    const signer = createSnsSigner();
    const firer = createSampleFirer({ signer, topicArn, now: () => now });
    const pasted = '{ "detail-type": "My Event",\n  "note": "kept as typed" }';
    received.length = 0;

    // Act
    const answer = await firer.firePasted({ message: pasted, subject: 'Pasted' }, url);

    // Assess
    expect(answer).toEqual({ status: 200, body: { outcome: 'new-alert' } });
    const message = JSON.parse(received[0]!.body) as SnsMessage;
    expect(message).toMatchObject({ Message: pasted, Subject: 'Pasted', TopicArn: topicArn });
    expect(await verifySnsMessage(message, signer.fetchCertificateWith())).toEqual({ ok: true });
  });

  it('sends the Message of a pasted SNS envelope, and refuses what is not JSON before sending', async () => {
    // Prepare
    const firer = createSampleFirer({ signer: createSnsSigner(), topicArn, now: () => now });
    const envelope = readFileSync('test/fixtures/sns/notification.json', 'utf8');
    received.length = 0;

    // Act
    await firer.firePasted({ message: envelope }, url);
    const refused = firer.firePasted({ message: 'disk full' }, url);

    // Assess
    await expect(refused).rejects.toThrow(/^not JSON/);
    expect(received).toHaveLength(1);
    const sent = JSON.parse(received[0]!.body) as SnsMessage;
    expect(sent).toMatchObject({ Message: 'Hello world!', Subject: 'My First Message', TopicArn: topicArn });
    expect(sent.Timestamp).toBe(now.toISOString());
  });
});
