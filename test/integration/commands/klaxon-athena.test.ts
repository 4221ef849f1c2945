import {
  AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionOutput,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../helpers/klaxon-harness.ts';
import {
  createRestartableClock,
  postSlashCommand,
  shownText,
  waitForResponses,
} from './slash-command-kit.ts';

const athena = mockClient(AthenaClient);
const clock = createRestartableClock();
const id = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const injection = "x' OR '1'='1";

// Shaped like awscli/examples/athena/get-query-execution.rst (dates deserialized by the SDK).
function execution(
  State: string,
  extra: { reason?: string; scanned?: number } = {},
): GetQueryExecutionOutput {
  return {
    QueryExecution: {
      QueryExecutionId: id,
      StatementType: 'DML',
      ResultConfiguration: { OutputLocation: `s3://klaxon-athena-results/${id}.csv` },
      QueryExecutionContext: { Database: 'security', Catalog: 'awsdatacatalog' },
      Status: {
        State: State as 'RUNNING',
        StateChangeReason: extra.reason,
        SubmissionDateTime: new Date(1593469842665),
      },
      Statistics: { EngineExecutionTimeInMillis: 3600, DataScannedInBytes: extra.scanned ?? 203089 },
      WorkGroup: 'klaxon',
    },
  };
}

// Shaped like awscli/examples/athena/get-query-results.rst: the first row is the header.
const resultsPage = {
  ResultSet: {
    Rows: [
      ['eventtime', 'principal', 'eventname'],
      ['2024-05-19T06:10:35Z', 'arn:aws:iam::123456789012:user/alice', 'DeleteBucket'],
    ].map((row) => ({ Data: row.map((VarCharValue) => ({ VarCharValue })) })),
    ResultSetMetadata: {
      ColumnInfo: ['eventtime', 'principal', 'eventname'].map((Name) => ({ Name, Type: 'varchar' })),
    },
  },
  UpdateCount: 0,
};

let h: Harness;
beforeAll(async () => {
  const athenaConfig = {
    database: 'security',
    table: 'cloudtrail_logs',
    workGroup: 'klaxon',
    outputLocation: 's3://klaxon-athena-results/',
    datePartitionColumn: 'timestamp',
  };
  h = await startHarness(
    { queries: { athena: athenaConfig } },
    { commands: { clock, responseWindowMs: 5 * 60_000 } },
  );
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  athena.reset();
  h.slack.reset();
  clock.restart();
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: id });
});

describe('/klaxon athena', () => {
  it('sends the user value only as an execution parameter, quoted, never in the SQL', async () => {
    athena.on(GetQueryExecutionCommand).resolvesOnce(execution('RUNNING')).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultsPage);

    const command = await postSlashCommand(h, `athena resource "${injection}" since=30d`);
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const [start] = athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input);
    expect(start!.QueryString).not.toContain('x');
    expect(start!.QueryString).not.toContain("'1'");
    expect(start!.QueryString).toContain('"timestamp" BETWEEN ? AND ?');
    expect(start!.ExecutionParameters).toHaveLength(6);
    expect(start!.ExecutionParameters!.slice(4)).toEqual(["'x'' OR ''1''=''1'", "'x'' OR ''1''=''1'"]);
    expect(start).toMatchObject({
      QueryExecutionContext: { Database: 'security', Catalog: 'AwsDataCatalog' },
      WorkGroup: 'klaxon',
      ResultConfiguration: { OutputLocation: 's3://klaxon-athena-results/' },
    });
    expect(shownText(answer!)).toContain('DeleteBucket');
    expect(shownText(answer!)).toContain('203.1 kB scanned');
    expect(shownText(answer!)).toContain(`#/query-editor/history/${id}`);
  });

  it('says why a failed query failed', async () => {
    const reason =
      "TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.security.cloudtrail_logs' does not exist";
    athena.on(GetQueryExecutionCommand).resolves(execution('FAILED', { reason }));

    const command = await postSlashCommand(h, 'athena denied since=7d');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(answer!.body.text).toContain(`The Athena query failed: ${reason}`);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('updates progress at most twice, then cuts a query off before the response_url expires', async () => {
    let scanned = 0;
    athena.on(GetQueryExecutionCommand).callsFake(async () => {
      scanned += 50_000_000;
      return execution('RUNNING', { scanned });
    });
    athena.on(StopQueryExecutionCommand).resolves({});

    const command = await postSlashCommand(h, 'athena root since=90d');
    const posts = await waitForResponses(h, command.responseId, 3);

    const [first, second, final] = posts;
    for (const progress of [first!, second!]) {
      expect(progress.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
      expect(progress.body.text).toMatch(/Running… .* [kMG]B scanned/);
    }
    expect(final!.body.text).toContain('Stopped the Athena query after');
    expect(final!.body.text).toContain('within 5 min');
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]!.args[0].input).toEqual({
      QueryExecutionId: id,
    });
    const [audit] = await h.store.audit.listByUser('U0ONCALL01');
    expect(audit).toMatchObject({ action: 'query.athena', result: 'failed' });
    expect(h.slack.responses(command.responseId)).toHaveLength(3);
  });
});
