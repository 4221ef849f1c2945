import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  ResourceNotFoundException,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultLogsQuery,
  type LogsQueryRequest,
  resolveLogGroups,
  runLogsInsightsQuery,
} from '../../../src/aws/logs-insights.ts';
import { logsQueryResults as results } from '../../helpers/aws-responses.ts';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.ts';

const logs = mockClient(CloudWatchLogsClient);
const queryId = '82765b94-d048-4ef8-87c1-fd19a76a9d8e';
let clock: FakeClock;

function request(overrides: Partial<LogsQueryRequest> = {}): LogsQueryRequest {
  return {
    logGroups: ['/aws/lambda/etl'],
    query: defaultLogsQuery,
    from: new Date('2024-05-20T11:00:00Z'),
    to: new Date('2024-05-20T12:00:00Z'),
    deadline: clock.now() + 30 * 60_000,
    ...overrides,
  };
}

const deps = () => ({ logs: new CloudWatchLogsClient({}), clock, region: 'eu-west-1' });

beforeEach(() => {
  logs.reset();
  clock = createFakeClock();
  logs.on(StartQueryCommand).resolves({ queryId });
});

describe('runLogsInsightsQuery', () => {
  it('starts with epoch seconds, polls until Complete and drops @ptr', async () => {
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce(results('Scheduled'))
      .resolvesOnce(results('Running'))
      .resolves(results('Complete'));

    const outcome = await runLogsInsightsQuery(deps(), request());

    expect(logs.commandCalls(StartQueryCommand)[0]?.args[0].input).toEqual({
      logGroupNames: ['/aws/lambda/etl'],
      startTime: 1716202800,
      endTime: 1716206400,
      queryString: defaultLogsQuery,
    });
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        fields: ['@timestamp', '@message', '@logStream'],
        rows: [{ '@message': 'ERROR Test BENCHMARK 3' }, { '@message': 'ERROR Test BENCHMARK 2' }],
        statistics: { recordsMatched: 3, bytesScanned: 141 },
      },
    });
    expect(outcome.ok && outcome.value.consoleUrl).toContain(
      "#logsV2:logs-insights$3FqueryDetail$3D~(end~'2024-05-20T12*3a00*3a00.000Z",
    );
    expect(outcome.ok && outcome.value.consoleUrl).toContain(
      "editorString~'fields*20*40timestamp*2c*20*40message*20*7c",
    );
    expect(outcome.ok && outcome.value.consoleUrl).toContain("source~(~'*2faws*2flambda*2fetl)");
  });

  it.each([
    ['Timeout', 'timed-out'],
    ['Failed', 'query-failed'],
    ['Cancelled', 'cancelled'],
  ] as const)('reports status %s as %s', async (status, reason) => {
    logs.on(GetQueryResultsCommand).resolves(results(status));

    const outcome = await runLogsInsightsQuery(deps(), request());

    expect(outcome).toMatchObject({ ok: false, reason });
  });

  it('names an unknown log group in plain words', async () => {
    logs.on(StartQueryCommand).rejects(
      new ResourceNotFoundException({
        message: 'Log group does not exist',
        $metadata: { httpStatusCode: 400 },
      }),
    );

    const outcome = await runLogsInsightsQuery(deps(), request({ logGroups: ['/aws/lambda/nope'] }));

    expect(outcome).toEqual({
      ok: false,
      reason: 'aws-error',
      message: 'Log group /aws/lambda/nope was not found: check the name and the region.',
    });
  });

  it('stops a slow query at the deadline with StopQuery', async () => {
    logs.on(GetQueryResultsCommand).resolves(results('Running'));
    logs.on(StopQueryCommand).resolves({ success: true });

    const outcome = await runLogsInsightsQuery(deps(), request({ deadline: clock.now() + 20_000 }));

    expect(outcome).toMatchObject({ ok: false, reason: 'deadline' });
    expect(logs.commandCalls(StopQueryCommand)[0]?.args[0].input).toEqual({ queryId });
    expect(clock.now()).toBe(createFakeClock().now() + 20_000);
  });

  it('stops polling when the caller aborts', async () => {
    const controller = new AbortController();
    logs.on(GetQueryResultsCommand).callsFake(() => {
      controller.abort();
      return results('Running');
    });

    const outcome = await runLogsInsightsQuery(deps(), request({ signal: controller.signal }));

    expect(outcome).toMatchObject({ ok: false, reason: 'deadline' });
    expect(logs.commandCalls(StopQueryCommand)).toHaveLength(1);
  });
});

describe('resolveLogGroups', () => {
  const aliases = { etl: ['/aws-glue/jobs/error', '/aws-glue/jobs/output'], api: '/aws/lambda/api' };

  it('expands aliases and accepts literal names and ARNs', () => {
    expect(resolveLogGroups('etl', aliases)).toEqual(['/aws-glue/jobs/error', '/aws-glue/jobs/output']);
    expect(resolveLogGroups('api', aliases)).toEqual(['/aws/lambda/api']);
    expect(resolveLogGroups('/aws/lambda/x', aliases)).toEqual(['/aws/lambda/x']);
    expect(
      resolveLogGroups('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x', aliases),
    ).toHaveLength(1);
  });

  it('refuses names a log group cannot have', () => {
    expect(resolveLogGroups('bad name!', aliases)).toBeUndefined();
  });
});
