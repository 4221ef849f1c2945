import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AccessDeniedException, GetJobRunCommand, GlueClient } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { glueRunOf, lookupGlueRun, pickErrorLines } from '../../../../src/aws/enrich/glue-run.ts';
import { glueFailedRun, logEventsPage } from '../../../helpers/aws-responses.ts';
import { alertFromFixture } from '../../../helpers/fixture-alerts.ts';

const glue = mockClient(GlueClient);
const logs = mockClient(CloudWatchLogsClient);
const clients = () => ({ glue: new GlueClient({ region: 'us-west-2' }), logs: new CloudWatchLogsClient({}) });
const context = (signal = new AbortController().signal) => ({
  now: new Date('2017-09-07T06:05:00Z'),
  signal,
});
const runId = 'jr_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
/** The second argument of `client.send`, which the mock's typing leaves out. */
const optionsOfCall = (call: { args: unknown[] } | undefined) => call?.args[1];
const failedAlert = () => alertFromFixture('eventbridge/glue-job-failed.json');

const errorLog = [
  '2017-09-07 06:01:58,101 INFO [main] glue.ProcessLauncher: Launching job',
  '2017-09-07 06:02:01,552 ERROR [main] glue.ProcessLauncher: Error from Python:Traceback (most recent call last):',
  'py4j.protocol.Py4JJavaError: An error occurred while calling o103.pyWriteDynamicFrame.\n\tat java.base/...',
  '2017-09-07 06:02:02,000 INFO [shutdown] util.ShutdownHookManager: Shutdown hook called',
];

beforeEach(() => {
  glue.reset();
  logs.reset();
});

describe('lookupGlueRun', () => {
  it('tells the run (error, attempt, duration, workers) and the error lines of its log, with links', async () => {
    // Prepare
    glue
      .on(GetJobRunCommand)
      .resolves({ JobRun: glueFailedRun({ Id: runId, JobName: 'MyJob', Attempt: 1 }) });
    logs.on(GetLogEventsCommand).resolves(logEventsPage(errorLog));

    // Act
    const result = await lookupGlueRun(failedAlert(), clients(), context());

    // Assess
    expect(glue.commandCalls(GetJobRunCommand)[0]?.args[0].input).toEqual({ JobName: 'MyJob', RunId: runId });
    expect(logs.commandCalls(GetLogEventsCommand)[0]?.args[0].input).toEqual({
      logGroupName: '/aws-glue/jobs/error',
      logStreamName: runId,
      startFromHead: false,
      limit: 20,
    });
    expect(result).toEqual({
      kind: 'lines',
      title: `Glue run ${runId}`,
      lines: [
        'FAILED · attempt 2 · ran 1 min 57 s · 10 × G.1X workers',
        'Error: An error occurred while calling o103.pyWriteDynamicFrame. Access Denied',
        'Last error lines of /aws-glue/jobs/error:',
        '2017-09-07 06:02:01,552 ERROR [main] glue.ProcessLauncher: Error from Python:Traceback (most recent call last):',
        'py4j.protocol.Py4JJavaError: An error occurred while calling o103.pyWriteDynamicFrame.',
      ],
      links: [
        {
          text: 'Run in the Glue console',
          url: `https://us-west-2.console.aws.amazon.com/gluestudio/home?region=us-west-2#/job/MyJob/run/${runId}`,
        },
        {
          text: 'Error log',
          url: `https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror/log-events/${runId}`,
        },
      ],
    });
  });

  it("reads the error log of the run's own log group when the job has a custom one", async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun({ LogGroupName: '/custom/etl' }) });
    logs.on(GetLogEventsCommand).resolves(logEventsPage([]));

    const result = await lookupGlueRun(failedAlert(), clients(), context());

    expect(logs.commandCalls(GetLogEventsCommand)[0]?.args[0].input.logGroupName).toBe('/custom/etl/error');
    expect(result.kind === 'lines' && result.lines).not.toContain('Last error lines of /custom/etl/error:');
  });

  it('keeps the run details when only the log read is denied', async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun() });
    logs
      .on(GetLogEventsCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    const result = await lookupGlueRun(failedAlert(), clients(), context());

    expect(result.kind === 'lines' && result.lines.at(-1)).toBe(
      'log lines unavailable: AccessDeniedException',
    );
  });

  it('shows no log lines, and no failure, when the run wrote no error log stream', async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun() });
    logs.on(GetLogEventsCommand).rejects(
      Object.assign(new Error('The specified log stream does not exist.'), {
        name: 'ResourceNotFoundException',
      }),
    );

    const result = await lookupGlueRun(failedAlert(), clients(), context());

    expect(result.kind === 'lines' && result.lines).toEqual([
      'FAILED · attempt 1 · ran 1 min 57 s · 10 × G.1X workers',
      'Error: An error occurred while calling o103.pyWriteDynamicFrame. Access Denied',
    ]);
  });

  it('degrades to one quiet line when GetJobRun is denied', async () => {
    glue.on(GetJobRunCommand).rejects(new AccessDeniedException({ message: 'no', $metadata: {} }));

    const result = await lookupGlueRun(failedAlert(), clients(), context());

    expect(result).toEqual({
      kind: 'unavailable',
      what: 'Glue run details',
      reason: 'AccessDeniedException',
    });
    expect(logs.calls()).toHaveLength(0);
  });

  it('degrades on throttling', async () => {
    glue
      .on(GetJobRunCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    const result = await lookupGlueRun(failedAlert(), clients(), context());

    expect(result).toMatchObject({ kind: 'unavailable', reason: 'ThrottlingException' });
  });

  it('stops waiting when its time budget aborts a call that does not answer', async () => {
    const budget = new AbortController();
    glue.on(GetJobRunCommand).callsFake(() => new Promise(() => {}));

    const pending = lookupGlueRun(failedAlert(), clients(), context(budget.signal));
    budget.abort();

    expect(await pending).toEqual({ kind: 'unavailable', what: 'Glue run details', reason: 'timed out' });
  });

  it('passes the budget signal to the SDK as abortSignal', async () => {
    const budget = new AbortController();
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun() });
    logs.on(GetLogEventsCommand).resolves(logEventsPage([]));

    await lookupGlueRun(failedAlert(), clients(), context(budget.signal));

    expect(optionsOfCall(glue.commandCalls(GetJobRunCommand)[0])).toEqual({ abortSignal: budget.signal });
  });

  it('says nothing for a succeeded run or an alert that is not about Glue', async () => {
    const succeeded = alertFromFixture('eventbridge/glue-job-succeeded.json');
    const emr = alertFromFixture('eventbridge/emr-step-failed.json');

    expect(await lookupGlueRun(succeeded, clients(), context())).toEqual({ kind: 'none' });
    expect(await lookupGlueRun(emr, clients(), context())).toEqual({ kind: 'none' });
    expect(glue.calls()).toHaveLength(0);
  });

  it('reads the run of a delayed-run notice from its event', async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun({ JobRunState: 'RUNNING' }) });
    logs.on(GetLogEventsCommand).resolves(logEventsPage([]));

    await lookupGlueRun(
      alertFromFixture('eventbridge/glue-job-run-status-running.json'),
      clients(),
      context(),
    );

    expect(glue.commandCalls(GetJobRunCommand)[0]?.args[0].input.RunId).toMatch(/^jr_/);
  });
});

describe('glueRunOf', () => {
  it('reads the job and run from the payload as Klaxon stores it (the text AWS sent)', () => {
    const { glueRun: _kept, ...alert } = alertFromFixture('eventbridge/glue-job-failed.json');

    expect(glueRunOf({ ...alert, raw: JSON.stringify(alert.raw) })).toMatchObject({
      jobName: 'MyJob',
      jobRunId: 'jr_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    });
  });
});

describe('pickErrorLines', () => {
  it('keeps the newest eight error lines, first line only, cut to 300 characters', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ message: `ERROR ${i} ${'x'.repeat(400)}` }));

    const lines = pickErrorLines(many);

    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^ERROR 4 /);
    expect(lines[0]).toHaveLength(300);
  });
});
