import { readFileSync } from 'node:fs';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricWidgetImageCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  DescribeMetricFiltersCommand,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultEnrichers } from '../../src/core/enrich/enrichment-registry.ts';
import { drainAlert } from '../../src/core/outbox/drain-alert.ts';
import { alertIdOf } from '../../src/model/alert.ts';
import type { StoredMessage } from '../../src/sandbox/fake-slack-api.ts';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import {
  describeAlarmsAnswer,
  logEventsAnswer,
  metricFiltersAnswer,
} from '../helpers/enrichment-responses.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { createTinyPng } from '../helpers/tiny-png.ts';

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));
const cloudWatch = mockClient(CloudWatchClient);
const logs = mockClient(CloudWatchLogsClient);
const png = createTinyPng();
let budget: (ms: number) => AbortSignal = (ms) => AbortSignal.timeout(ms);

// These alarms watch an instance: recent changes (CloudTrail) would be looked up too; they have their own tests.
const h = useHarness(
  {
    routes: [{ match: { name: 'Quiet-*' }, channel: 'C0ALERTS', enrich: { 'metric-graph': false } }],
    enrichment: { enabled: { 'recent-changes': false } },
  },
  { enrichers: defaultEnrichers, enrichmentBudgetSignal: (ms) => budget(ms) },
);

beforeEach(() => {
  cloudWatch.reset();
  logs.reset();
  budget = (ms) => AbortSignal.timeout(ms);
});

const arnOf = (name: string, region = 'us-east-1') =>
  `arn:aws:cloudwatch:${region}:123456789012:alarm:${name}`;

function alarm(name: string, state: 'ALARM' | 'OK', trigger: Record<string, unknown> = {}) {
  const base = fixture('cloudwatch/alarm-single-metric.json');
  return {
    ...base,
    AlarmName: name,
    AlarmArn: arnOf(name),
    NewStateValue: state,
    StateChangeTime: new Date().toISOString().replace('Z', '+0000'),
    Trigger: { ...base.Trigger, ...trigger },
  };
}

async function send(message: unknown) {
  const answer = await h.postSns(h.signer.notification(testTopicArn, message));
  expect(answer.status).toBe(200);
  return answer;
}

const rootOf = (name: string) =>
  h.slack.messages('C0ALERTS').find((m) => JSON.stringify(m.blocks ?? m.text).includes(name));

/** The root's thread once it holds `count` replies (polled with a deadline). */
async function threadOf(name: string, count: number): Promise<StoredMessage[]> {
  const replies = await pollWithDeadline(
    async () => rootOf(name)?.replies ?? [],
    (r): r is StoredMessage[] => r.length >= count,
    { timeoutMs: 5_000 },
  );
  if (!replies)
    throw new Error(`thread of ${name} never had ${count} replies: ${JSON.stringify(rootOf(name))}`);
  return replies;
}

describe('enriched alerts', () => {
  it('uploads the metric graph into the alert thread, after the alert is posted', async () => {
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });

    await send(alarm('Graph-CPU', 'ALARM'));

    const [graph] = await threadOf('Graph-CPU', 1);
    expect(graph?.files).toEqual([
      expect.objectContaining({
        name: 'Graph-CPU.png',
        title: 'Graph-CPU: the last 3 hours',
        size: png.length,
      }),
    ]);
    const methods = h.slack.calls.map((c) => c.method);
    expect(methods.indexOf('chat.postMessage')).toBeLessThan(methods.indexOf('files.getUploadURLExternal'));
    const widget = JSON.parse(
      cloudWatch.commandCalls(GetMetricWidgetImageCommand)[0]!.args[0].input.MetricWidget!,
    );
    expect(widget).toMatchObject({
      period: 300,
      start: '-PT3H',
      annotations: { horizontal: [{ value: 15 }] },
    });
  });

  it('posts a fresh graph into the same thread on recovery', async () => {
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });
    await send(alarm('Recover-CPU', 'ALARM'));
    await threadOf('Recover-CPU', 1);

    await send(alarm('Recover-CPU', 'OK'));

    const replies = await threadOf('Recover-CPU', 3);
    expect(replies.filter((r) => r.files)).toHaveLength(2);
    expect(cloudWatch.commandCalls(GetMetricWidgetImageCommand)).toHaveLength(2);
  });

  it('posts the newest lines of the log metric filter behind the alarm, with a Logs Insights link', async () => {
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });
    logs.on(DescribeMetricFiltersCommand).resolves(metricFiltersAnswer);
    logs.on(FilterLogEventsCommand).resolves(logEventsAnswer(Date.now()));

    await send(alarm('Logs-Errors', 'ALARM', { MetricName: 'Demo_Error', Namespace: 'DemoNamespace' }));

    const replies = await threadOf('Logs-Errors', 2);
    const lines = replies.find((r) => r.text.startsWith('Newest log lines'));
    expect(JSON.stringify(lines?.blocks)).toMatch(/ERROR Event 1.*ERROR Event 3/);
    expect(JSON.stringify(lines?.blocks)).toContain('logs-insights');
    expect(logs.commandCalls(DescribeMetricFiltersCommand)[0]!.args[0].input).toEqual({
      metricName: 'Demo_Error',
      metricNamespace: 'DemoNamespace',
    });
    expect(logs.commandCalls(FilterLogEventsCommand)[0]!.args[0].input).toMatchObject({
      logGroupName: 'demo-log-group',
      filterPattern: 'ERROR',
    });
  });

  it('looks up an alarm of another region in that region: graph and log lines from eu-west-1', async () => {
    // Prepare: the harness's clients are in us-east-1; the alarm lives in eu-west-1.
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });
    logs.on(DescribeMetricFiltersCommand).resolves(metricFiltersAnswer);
    logs.on(FilterLogEventsCommand).resolves(logEventsAnswer(Date.now()));
    const trigger = { MetricName: 'Demo_Error', Namespace: 'DemoNamespace' };

    // Act
    await send({ ...alarm('West-Errors', 'ALARM', trigger), AlarmArn: arnOf('West-Errors', 'eu-west-1') });
    await threadOf('West-Errors', 2);

    // Assess: every lookup went to a client of the alarm's region.
    const regionOf = (call: { thisValue: unknown }) =>
      (call.thisValue as { config: { region: () => Promise<string> } }).config.region();
    const calls = [
      ...cloudWatch.commandCalls(GetMetricWidgetImageCommand),
      ...logs.commandCalls(DescribeMetricFiltersCommand),
      ...logs.commandCalls(FilterLogEventsCommand),
    ];
    expect(calls).toHaveLength(3);
    expect(await Promise.all(calls.map(regionOf))).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1']);
  });

  it('lists the child alarms of a composite with their states and the active suppressor', async () => {
    const composite = fixture('cloudwatch/alarm-composite.json');
    const [first, second] = [
      'if-sim-app_427809481713_us-east-1-metric_emitting_node_failure',
      'if-sim-app_427809481713_us-east-1-metric_emitting_long_execution',
    ] as const;
    cloudWatch.on(DescribeAlarmsCommand).resolves(describeAlarmsAnswer(composite.AlarmName, [first, second]));

    await send(composite);

    const [children] = await threadOf('test_node_monitor', 1);
    const text = JSON.stringify(children?.blocks);
    expect(text).toContain(`${first}: ALARM`);
    expect(text).toContain(`${second}: OK`);
    expect(text).toContain('Actions suppressed by maintenance-window (Alarm)');
    expect(cloudWatch.commandCalls(DescribeAlarmsCommand)[0]!.args[0].input).toMatchObject({
      AlarmNames: [composite.AlarmName, first, second],
      AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
    });
  });

  it('still posts the alert when every lookup fails, each failure as one quiet line', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDenied' });
    cloudWatch.on(GetMetricWidgetImageCommand).rejects(denied);
    logs
      .on(DescribeMetricFiltersCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));

    const answer = await send(alarm('Broken-Errors', 'ALARM', { Namespace: 'DemoNamespace' }));

    expect(answer.body.outcome).toBe('new-alert');
    const replies = await threadOf('Broken-Errors', 2);
    expect(replies.map((r) => r.text).sort()).toEqual([
      'graph unavailable: AccessDenied',
      'log lines unavailable: ThrottlingException',
    ]);
    // Told once and done: nothing is left in the outbox to retry the lookups.
    const { record } = await h.store.alerts.loadAlert(
      alertIdOf(`cloudwatch-alarm:${arnOf('Broken-Errors')}`),
    );
    expect(record?.outbox).toEqual([]);
    expect(cloudWatch.commandCalls(GetMetricWidgetImageCommand)).toHaveLength(1);
  });

  it('drops an enrichment a crashed drain had begun instead of telling it twice', async () => {
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });
    await send(alarm('Crash-CPU', 'ALARM'));
    await threadOf('Crash-CPU', 1);
    const alertId = alertIdOf(`cloudwatch-alarm:${arnOf('Crash-CPU')}`);
    // Once the enrichment drain has written what it did and let go of the lease:
    const settled = await pollWithDeadline(
      () => h.store.alerts.loadAlert(alertId),
      (loaded): loaded is typeof loaded => loaded.record?.outbox.length === 0 && !loaded.drain,
      { timeoutMs: 5_000 },
    );
    const record = settled?.record;
    const seq = (record?.outboxSeq ?? 0) + 1;
    const suspect = {
      seq,
      step: { kind: 'enrich', enrichment: 'metric-graph' },
      createdAt: 0,
      suspect: true,
    } as const;
    const committed = await h.store.alerts.commit({
      alertId,
      expectedVersion: record!.version,
      change: {
        next: { ...record!, outbox: [suspect], outboxSeq: seq, version: record!.version + 1 },
        steps: [],
      },
    });

    expect(committed).toBe('committed');

    const drained = await drainAlert(h.klaxon.core.outbox, alertId, 'test', { enrich: true });

    expect(drained.outcome).toBe('drained');
    expect(cloudWatch.commandCalls(GetMetricWidgetImageCommand)).toHaveLength(1);
    expect(rootOf('Crash-CPU')?.replies).toHaveLength(1);
  });

  it('gives up on a lookup that outlives its time budget: "graph unavailable: timed out"', async () => {
    const spent = new AbortController();
    budget = () => spent.signal;
    cloudWatch.on(GetMetricWidgetImageCommand).callsFake(() => {
      spent.abort();
      return new Promise(() => {});
    });

    await send(alarm('Slow-CPU', 'ALARM'));

    const [note] = await threadOf('Slow-CPU', 1);
    expect(note?.text).toBe('graph unavailable: timed out');
  });

  it('answers SNS while a lookup is still running: the answer never waits for enrichment', async () => {
    const never = new AbortController();
    budget = () => never.signal;
    cloudWatch.on(GetMetricWidgetImageCommand).callsFake(() => new Promise(() => {}));

    const answer = await send(alarm('Hanging-CPU', 'ALARM'));

    expect(answer.body.outcome).toBe('new-alert');
    await h.slack.waitForCalls('chat.postMessage', 1);
    expect(rootOf('Hanging-CPU')?.replies).toEqual([]);
    // Let the lookup's budget end, so the drain still holding it finishes.
    never.abort();
    const [note] = await threadOf('Hanging-CPU', 1);
    expect(note?.text).toBe('graph unavailable: timed out');
  });

  it('leaves out an enrichment its route switches off', async () => {
    cloudWatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png });
    await send(alarm('Quiet-CPU', 'ALARM'));
    await send(alarm('Loud-CPU', 'ALARM'));
    await threadOf('Loud-CPU', 1);
    expect(rootOf('Quiet-CPU')?.replies).toEqual([]);
    expect(cloudWatch.commandCalls(GetMetricWidgetImageCommand)).toHaveLength(1);
  });
});
