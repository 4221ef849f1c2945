import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CloudTrailAthenaRequest,
  runCloudTrailAthenaQuery,
} from '../../../src/aws/athena-cloudtrail.ts';
import type { QueryProgress } from '../../../src/aws/query-outcome.ts';
import {
  athenaExecution as execution,
  athenaQueryId as id,
  athenaResultsPage as resultsPage,
} from '../../helpers/aws-responses.ts';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.ts';

const athena = mockClient(AthenaClient);
const config = { region: 'us-east-1', workGroup: 'klaxon', database: 'security', table: 'cloudtrail_logs' };
const alice = 'arn:aws:iam::123456789012:user/alice';
let clock: FakeClock;

function request(overrides: Partial<CloudTrailAthenaRequest> = {}): CloudTrailAthenaRequest {
  return {
    template: 'event',
    value: 'DeleteBucket',
    from: new Date('2024-01-01T00:00:00Z'),
    to: new Date('2024-02-01T00:00:00Z'),
    maxRows: 20,
    deadline: clock.now() + 30 * 60_000,
    ...overrides,
  };
}

beforeEach(() => {
  athena.reset();
  clock = createFakeClock();
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: id });
});

describe('Athena CloudTrail injection safety', () => {
  it("sends x' OR '1'='1 only inside ExecutionParameters, quoted, never in QueryString", async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultsPage);
    const hostile = "x' OR '1'='1";

    await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request({ template: 'resource', value: hostile }),
    );

    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input?.ExecutionParameters).toContain("'x'' OR ''1''=''1'");
    expect(input?.QueryString).not.toContain("'1'");
    expect(input?.QueryString).not.toContain(hostile);
    expect(input).toMatchObject({ WorkGroup: 'klaxon', QueryExecutionContext: { Database: 'security' } });
  });

  it('rejects the same value where an IAM user name is expected, before calling Athena', async () => {
    const outcome = await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request({ template: 'user', value: "x' OR '1'='1" }),
    );

    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });
});

describe('runCloudTrailAthenaQuery', () => {
  it('polls until SUCCEEDED, reports progress, and returns the rows under the header', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED', { scanned: 0 }))
      .resolvesOnce(execution('RUNNING', { scanned: 3_200_000 }))
      .resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultsPage);
    const progress: QueryProgress[] = [];

    const outcome = await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request({ onProgress: (p) => void progress.push(p) }),
    );

    expect(progress.map((p) => [p.state, p.bytesScanned])).toEqual([
      ['QUEUED', 0],
      ['RUNNING', 3_200_000],
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        columns: ['eventtime', 'principal', 'eventname'],
        rows: [['2024-05-19T06:10:35Z', alice, 'DeleteBucket']],
        dataScannedBytes: 203089,
        consoleUrl: `https://us-east-1.console.aws.amazon.com/athena/home?region=us-east-1#/query-editor/history/${id}`,
      },
    });
    expect(athena.commandCalls(GetQueryResultsCommand)[0]?.args[0].input.MaxResults).toBe(21);
  });

  it('reports a FAILED query with its StateChangeReason', async () => {
    const reason =
      "TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.security.cloudtrail_logs' does not exist";
    athena.on(GetQueryExecutionCommand).resolves(execution('FAILED', { reason }));

    const outcome = await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request(),
    );

    expect(outcome).toEqual({
      ok: false,
      reason: 'query-failed',
      message: `The Athena query failed: ${reason}`,
    });
  });

  it('reports a CANCELLED query', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('CANCELLED'));

    const outcome = await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request(),
    );

    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('stops a query that outlives the deadline', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});

    const outcome = await runCloudTrailAthenaQuery(
      { athena: new AthenaClient({}), clock },
      config,
      request({ deadline: clock.now() + 30 * 60_000 }),
    );

    expect(outcome).toMatchObject({ ok: false, reason: 'deadline' });
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryExecutionId: id,
    });
    expect(clock.sleeps.every((ms) => ms <= 5000)).toBe(true);
  });
});
