import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupEmrStep } from '../../src/aws/enrich/emr-step.ts';
import { lookupGlueRun } from '../../src/aws/enrich/glue-run.ts';
import { lookupRecentChanges } from '../../src/aws/enrich/recent-changes.ts';
import { lookUpCompositeChildren } from '../../src/core/enrich/composite-children.ts';
import { lookUpLogLines } from '../../src/core/enrich/log-lines.ts';
import { cloudTrailEvent, emrFailedStep, glueFailedRun, logEventsPage } from '../helpers/aws-responses.ts';
import {
  describeAlarmsAnswer,
  logEventsAnswer,
  metricFiltersAnswer,
} from '../helpers/enrichment-responses.ts';
import { alertFromFixture } from '../helpers/fixture-alerts.ts';
import { alertOf } from '../unit/enrich/fixture-alerts.ts';

/** What the stand-in answers, by the operation in X-Amz-Target (the AWS JSON protocols). */
const answers = new Map<string, unknown>();
const seen: Array<{ target: string; body: Record<string, unknown> }> = [];
let server: Server;
let endpointBefore: string | undefined;

/** The SDK's output shapes as they travel: timestamps as epoch seconds, blobs as base64. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .map(([key, field]) => [key, toWire(field)]),
    );
  }
  return value;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

// One plain HTTP stand-in for Glue, CloudWatch Logs, EMR, CloudTrail and CloudWatch: each real client finds it
// through the SDK's own AWS_ENDPOINT_URL setting, so requests and answers cross the wire as AWS's would.
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    seen.push({ target, body: await readJson(req) });
    const operation = target.slice(target.lastIndexOf('.') + 1);
    const answer = answers.get(operation);
    const contentType = String(req.headers['content-type'] ?? 'application/x-amz-json-1.1');
    if (answer === undefined) {
      res.writeHead(400, { 'content-type': contentType });
      res.end(JSON.stringify({ __type: 'UnknownOperationException', message: operation }));
      return;
    }
    res.writeHead(200, { 'content-type': contentType });
    res.end(JSON.stringify(toWire(answer)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpointBefore = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (endpointBefore === undefined) delete process.env.AWS_ENDPOINT_URL;
  else process.env.AWS_ENDPOINT_URL = endpointBefore;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const common = {
  region: 'us-west-2',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
};
const context = (now = new Date()) => ({ now, signal: AbortSignal.timeout(5_000) });
const targetsSeen = () => seen.map((request) => request.target);

describe('the enrichment lookups on the wire (real SDK clients, AWS_ENDPOINT_URL)', () => {
  it('tells a failed Glue run from GetJobRun and GetLogEvents', async () => {
    const runId = 'jr_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    answers.set('GetJobRun', { JobRun: glueFailedRun({ Id: runId, JobName: 'MyJob', Attempt: 1 }) });
    answers.set('GetLogEvents', logEventsPage(['2017-09-07 06:02:01,552 ERROR [main] glue: Access Denied']));

    const result = await lookupGlueRun(
      alertFromFixture('eventbridge/glue-job-failed.json'),
      { glue: new GlueClient(common), logs: new CloudWatchLogsClient(common) },
      context(new Date('2017-09-07T06:05:00Z')),
    );

    expect(result).toMatchObject({ kind: 'lines', title: `Glue run ${runId}` });
    expect(result.kind === 'lines' && result.lines.join('\n')).toMatch(/ERROR \[main\] glue: Access Denied/);
    expect(targetsSeen()).toEqual(
      expect.arrayContaining(['AWSGlue.GetJobRun', 'Logs_20140328.GetLogEvents']),
    );
  });

  it('tells a failed EMR step from DescribeStep', async () => {
    answers.set('DescribeStep', emrFailedStep());

    const result = await lookupEmrStep(
      alertFromFixture('eventbridge/emr-step-failed.json'),
      { emr: new EMRClient(common) },
      context(),
    );

    expect(result).toMatchObject({ kind: 'lines', title: 'EMR step s-ZYXWVUTSRQPON (CustomJAR)' });
    expect(targetsSeen()).toContain('ElasticMapReduce.DescribeStep');
  });

  it('lists who changed the resource from LookupEvents', async () => {
    const stop = cloudTrailEvent({
      EventName: 'StopInstances',
      EventSource: 'ec2.amazonaws.com',
      EventTime: new Date('2021-06-23T08:30:02Z'),
      Username: 'deploy-bot',
      Resources: [{ ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-0f672ea50a80cda4b' }],
      recordReadOnly: false,
    });
    answers.set('LookupEvents', { Events: [stop] });

    const result = await lookupRecentChanges(
      alertFromFixture('cloudwatch/alarm-single-metric.json'),
      { cloudTrail: new CloudTrailClient(common) },
      context(),
    );

    expect(result.kind === 'lines' && result.lines).toEqual([
      '08:30 UTC · StopInstances (ec2.amazonaws.com) by deploy-bot',
    ]);
    const lookup = seen.find((request) => request.target.endsWith('.LookupEvents'));
    expect(lookup?.body.LookupAttributes).toEqual([
      { AttributeKey: 'ResourceName', AttributeValue: 'i-0f672ea50a80cda4b' },
    ]);
  });

  it('finds the log lines behind a log metric filter (DescribeMetricFilters, FilterLogEvents)', async () => {
    const now = new Date();
    answers.set('DescribeMetricFilters', metricFiltersAnswer);
    answers.set('FilterLogEvents', logEventsAnswer(now.getTime()));
    const alert = alertOf('cloudwatch/alarm-single-metric.json');
    const onFilter = {
      ...alert,
      raw: JSON.parse(
        JSON.stringify(alert.raw)
          .replaceAll('"CPUUtilization"', '"Demo_Error"')
          .replaceAll('"AWS/EC2"', '"DemoNamespace"'),
      ),
    };

    const result = await lookUpLogLines(onFilter, { logs: new CloudWatchLogsClient(common) }, context(now));

    expect(result.kind).toBe('lines');
    expect(JSON.stringify(result)).toContain('ERROR Event');
    expect(targetsSeen()).toEqual(
      expect.arrayContaining(['Logs_20140328.DescribeMetricFilters', 'Logs_20140328.FilterLogEvents']),
    );
  });

  it('lists a composite alarm’s children from DescribeAlarms', async () => {
    const [first, second] = [
      'if-sim-app_427809481713_us-east-1-metric_emitting_node_failure',
      'if-sim-app_427809481713_us-east-1-metric_emitting_long_execution',
    ] as const;
    answers.set(
      'DescribeAlarms',
      describeAlarmsAnswer('if-sim-app_427809481713_us-east-1-test_node_monitor', [first, second]),
    );

    const result = await lookUpCompositeChildren(
      alertOf('cloudwatch/alarm-composite.json'),
      { cloudWatch: new CloudWatchClient(common) },
      context(),
    );

    expect(result.kind).toBe('lines');
    expect(JSON.stringify(result)).toContain(`${first}: ALARM`);
    expect(JSON.stringify(result)).toContain(`${second}: OK`);
    expect(targetsSeen()).toContain('GraniteServiceVersion20100801.DescribeAlarms');
  });
});
