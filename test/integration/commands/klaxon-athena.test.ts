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
  athenaExecution as execution,
  athenaQueryId as id,
  athenaResultsPage as resultsPage,
} from '../../helpers/aws-responses.ts';
import {
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  waitForResponses,
} from './slash-command-kit.ts';

const athena = mockClient(AthenaClient);
const clock = createRestartableClock();
const injection = "x' OR '1'='1";

const athenaConfig = {
  database: 'security',
  table: 'cloudtrail_logs',
  workGroup: 'klaxon',
  outputLocation: 's3://klaxon-athena-results/',
  datePartitionColumn: 'timestamp',
};
const h = useCommandHarness({ queries: { athena: athenaConfig } }, { clock, responseWindowMs: 5 * 60_000 }, [
  athena,
]);
beforeEach(() => {
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
