import {
  describeAlarms,
  describeMetricFilters,
  describeStep,
  filterLogEvents,
  getLogEvents,
  lookupResourceEvents,
  metricWidgetImage,
} from './aws-sample-enrichment-answers.ts';
import { lookupEventsAnswer, sample } from './sample-answer-parts.ts';

// What the sandbox's AWS clients answer: the examples of the AWS CLI Command Reference (aws/aws-cli
// `awscli/examples/…`) and the AWS API Reference, as the SDK hands them over (dates deserialized). Every
// free-text value a reader sees starts with `[sample]`, so no one mistakes them for their account's data.

type Answer = Record<string, unknown>;

/** awscli/examples/cloudtrail/lookup-events.rst: its ConsoleLogin event, at the time asked for. */
function lookupEvents(now: Date): Answer {
  return lookupEventsAnswer({
    now,
    minutesAgo: 10,
    eventId: '654ccbc0-ba0d-486a-9076-dbf7274677a7',
    username: 'my-session-name',
    record: (eventTime) => ({
      eventVersion: '1.02',
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::123456789012:assumed-role/my-role/my-session-name',
      },
      eventTime,
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      awsRegion: 'us-east-1',
      sourceIPAddress: '72.21.198.70',
      requestParameters: null,
      responseElements: { ConsoleLogin: 'Success' },
      eventID: '654ccbc0-ba0d-486a-9076-dbf7274677a7',
      eventType: 'AwsConsoleSignIn',
      recipientAccountId: '123456789012',
    }),
  });
}

/** awscli/examples/logs/get-query-results.rst (its rows; the long @ptr values shortened). */
const logsResults: Answer = {
  results: [
    ['2024-05-19 06:10:35.743', 'Test BENCHMARK 3', 'ClQKGAoUODc3MzYyMTE0MTkzOnRlc3ROSFQQARI0'],
    ['2024-05-19 06:10:27.559', 'Test BENCHMARK 2', 'ClQKGAoUODc3MzYyMTE0MTkzOnRlc3ROSFQQARI1'],
    ['2024-05-19 06:10:16.682', 'Test BENCHMARK 1', 'ClQKGAoUODc3MzYyMTE0MTkzOnRlc3ROSFQQBxI0'],
  ].map(([time, message, ptr]) => [
    { field: '@timestamp', value: time },
    { field: '@message', value: sample(message!) },
    { field: '@logStream', value: 'TestStream' },
    { field: '@ptr', value: ptr },
  ]),
  statistics: { recordsMatched: 3.0, recordsScanned: 3.0, bytesScanned: 141.0 },
  status: 'Complete',
};

/** awscli/examples/athena/get-query-execution.rst: its query id, location and statistics. */
const athenaQueryId = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const athenaExecution: Answer = {
  QueryExecution: {
    QueryExecutionId: athenaQueryId,
    StatementType: 'DML',
    ResultConfiguration: { OutputLocation: `s3://awsdoc-example-bucket/${athenaQueryId}.csv` },
    Status: { State: 'SUCCEEDED', SubmissionDateTime: new Date(1593469842665) },
    Statistics: { EngineExecutionTimeInMillis: 3600, DataScannedInBytes: 203089 },
  },
};

/** awscli/examples/athena/get-query-results.rst's shape: a header row, then rows, with ColumnInfo. */
const athenaColumns = ['eventtime', 'principal', 'eventname', 'eventsource', 'awsregion', 'sourceipaddress'];
const athenaResults: Answer = {
  ResultSet: {
    Rows: [
      athenaColumns,
      [
        '2024-05-19T06:10:35Z',
        sample('arn:aws:iam::123456789012:user/Mary'),
        'DeleteBucket',
        's3.amazonaws.com',
        'us-east-1',
        '72.21.198.70',
      ],
    ].map((row) => ({ Data: row.map((VarCharValue) => ({ VarCharValue })) })),
    ResultSetMetadata: {
      ColumnInfo: athenaColumns.map((name) => ({ Name: name, Label: name, Type: 'varchar' })),
    },
  },
  UpdateCount: 0,
};

/** awscli/examples/glue/get-job-run.rst: its run, ended FAILED so that Rerun has something to repeat. */
function glueRun(jobName: string): Answer {
  return {
    Id: 'jr_012e176506505074d94d761755e5c62538ee1aad6f17d39f527e9140cf0c9a5e',
    Attempt: 0,
    JobName: jobName,
    StartedOn: new Date(1602873931255),
    LastModifiedOn: new Date(1602874075985),
    CompletedOn: new Date(1602874075985),
    JobRunState: 'FAILED',
    ErrorMessage: sample('An error occurred while calling o103.pyWriteDynamicFrame. Access Denied'),
    Arguments: { '--job-bookmark-option': 'job-bookmark-enable' },
    PredecessorRuns: [],
    ExecutionTime: 117,
    Timeout: 2880,
    WorkerType: 'G.1X',
    NumberOfWorkers: 10,
    GlueVersion: '2.0',
  };
}

/** The AWS API Reference's StartJobRun response: `{ "JobRunId": "string" }`, with a sample id. */
const startedJobRun: Answer = {
  JobRunId: 'jr_sample0000000000000000000000000000000000000000000000000000000001',
};

/** The answer to one command, by the command's name; `undefined` for a command the sandbox does not know. */
export function answerSampleCommand(
  name: string,
  input: Record<string, unknown>,
  now: Date,
): Answer | undefined {
  const jobName = String(input.JobName ?? 'sample-job');
  const answers: Record<string, () => Answer> = {
    LookupEventsCommand: () => {
      const resource = resourceNameOf(input);
      if (!resource) return lookupEvents(now);
      // The documented example is an EC2 call: other resources have no sample changes (nothing is told).
      return resource.startsWith('i-') ? lookupResourceEvents(resource, now) : { Events: [] };
    },
    StartQueryCommand: () => ({ queryId: '82765b94-d048-4ef8-87c1-fd19a76a9d8e' }),
    GetQueryResultsCommand: () => (input.QueryExecutionId ? athenaResults : logsResults),
    StopQueryCommand: () => ({ success: true }),
    StartQueryExecutionCommand: () => ({ QueryExecutionId: athenaQueryId }),
    GetQueryExecutionCommand: () => athenaExecution,
    StopQueryExecutionCommand: () => ({}),
    GetJobRunCommand: () => ({ JobRun: { ...glueRun(jobName), Id: input.RunId ?? glueRun(jobName).Id } }),
    GetJobRunsCommand: () => ({ JobRuns: [glueRun(jobName)] }),
    StartJobRunCommand: () => startedJobRun,
    GetMetricWidgetImageCommand: metricWidgetImage,
    DescribeAlarmsCommand: () => describeAlarms(input, now),
    DescribeMetricFiltersCommand: () => describeMetricFilters(input),
    FilterLogEventsCommand: () => filterLogEvents(input, now),
    GetLogEventsCommand: getLogEvents,
    DescribeStepCommand: () => describeStep(input),
  };
  return answers[name]?.();
}

/** The resource a LookupEvents call asks about (the recent-changes lookup), if it asks by resource name. */
function resourceNameOf(input: Record<string, unknown>): string | undefined {
  const [attribute] = Array.isArray(input.LookupAttributes) ? input.LookupAttributes : [];
  const { AttributeKey, AttributeValue } = (attribute ?? {}) as Record<string, unknown>;
  return AttributeKey === 'ResourceName' && typeof AttributeValue === 'string' ? AttributeValue : undefined;
}
