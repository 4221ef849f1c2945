import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  MalformedQueryException,
  ResourceNotFoundException,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import {
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  waitForResponses,
} from './slash-command-kit.ts';

const logs = mockClient(CloudWatchLogsClient);
const clock = createRestartableClock();

const h = useCommandHarness({}, { clock }, [logs]);

describe('/klaxon logs', () => {
  it('names the log group that does not exist', async () => {
    logs
      .on(StartQueryCommand)
      .rejects(new ResourceNotFoundException({ message: 'Log group does not exist', $metadata: {} }));

    const command = await postSlashCommand(h, 'logs /aws/lambda/missing since=1h');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(answer!.body.text).toContain(
      'Log group /aws/lambda/missing was not found: check the name and the region.',
    );
    expect(logs.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('passes the query as written and reports a malformed one in a sentence', async () => {
    logs.on(StartQueryCommand).rejects(
      new MalformedQueryException({
        message: 'unexpected symbol found bogus at line 1 and position 8',
        $metadata: {},
      }),
    );

    const command = await postSlashCommand(h, 'logs /aws/lambda/loader "fields bogus bogus" since=15m');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const start = logs.commandCalls(StartQueryCommand)[0]!.args[0].input;
    expect(start.queryString).toBe('fields bogus bogus');
    // Epoch seconds, widened outwards to whole seconds.
    expect(start.endTime! - start.startTime!).toBeGreaterThanOrEqual(15 * 60);
    expect(start.endTime! - start.startTime!).toBeLessThanOrEqual(15 * 60 + 1);
    expect(answer!.body.text).toContain('The Logs Insights query is not valid: unexpected symbol');
  });

  it('reports a query that Logs Insights marks Failed', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-failed' });
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Running', results: [], statistics: { recordsScanned: 10 } })
      .resolves({ status: 'Failed', results: [] });

    const command = await postSlashCommand(h, 'logs /aws/lambda/loader');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    expect(answer!.body.text).toContain('The Logs Insights query ended with status Failed.');
    expect(shownText(answer!)).not.toMatch(/\n\s+at /);
  });
});
