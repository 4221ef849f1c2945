import type { GetQueryExecutionOutput, GetQueryResultsOutput } from '@aws-sdk/client-athena';
import type { Event } from '@aws-sdk/client-cloudtrail';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type {
  GetLogEventsCommandOutput,
  GetQueryResultsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import type { DescribeStepOutput, FailureDetails } from '@aws-sdk/client-emr';
import type { JobRun } from '@aws-sdk/client-glue';

// AWS responses as the SDK hands them to Klaxon (dates deserialized), shaped like the AWS CLI reference
// examples named on each; test/fixtures/SOURCES.md lists them. Unit and integration tests share these.

/** The query id of awscli/examples/athena/get-query-execution.rst. */
export const athenaQueryId = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

/** Shaped like awscli/examples/athena/get-query-execution.rst (dates deserialized by the SDK). */
export function athenaExecution(
  State: string,
  extra: { reason?: string; scanned?: number } = {},
): GetQueryExecutionOutput {
  return {
    QueryExecution: {
      QueryExecutionId: athenaQueryId,
      StatementType: 'DML',
      ResultConfiguration: { OutputLocation: `s3://awsdoc-example-bucket/${athenaQueryId}.csv` },
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

const athenaColumns = ['eventtime', 'principal', 'eventname'];

/** Shaped like awscli/examples/athena/get-query-results.rst: the first row is the header. */
export const athenaResultsPage: GetQueryResultsOutput = {
  ResultSet: {
    Rows: [
      athenaColumns,
      ['2024-05-19T06:10:35Z', 'arn:aws:iam::123456789012:user/alice', 'DeleteBucket'],
    ].map((row) => ({ Data: row.map((VarCharValue) => ({ VarCharValue })) })),
    ResultSetMetadata: {
      ColumnInfo: athenaColumns.map((name) => ({
        CatalogName: 'hive',
        SchemaName: '',
        TableName: '',
        Name: name,
        Label: name,
        Type: 'varchar',
        Precision: 2147483647,
        Scale: 0,
        Nullable: 'UNKNOWN' as const,
        CaseSensitive: true,
      })),
    },
  },
  UpdateCount: 0,
};

/**
 * Shaped like the LookupEvents output in the AWS CLI reference (awscli/examples/cloudtrail/lookup-events.rst):
 * its ConsoleLogin event unless overridden. EventTime is a Date because the SDK deserializes it;
 * CloudTrailEvent stays a JSON string and repeats the id, name, source and time of the event.
 */
export function cloudTrailEvent(
  overrides: Partial<Event> & { errorCode?: string; recordReadOnly?: boolean } = {},
): Event {
  const { errorCode, recordReadOnly, ...fields } = overrides;
  const event = {
    EventId: '654ccbc0-ba0d-486a-9076-dbf7274677a7',
    Username: 'my-session-name',
    EventTime: new Date('2024-05-20T09:41:02Z'),
    EventName: 'ConsoleLogin',
    EventSource: 'signin.amazonaws.com',
    ReadOnly: 'false',
    Resources: [],
    ...fields,
  };
  const record = {
    eventVersion: '1.02',
    userIdentity: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::123456789012:assumed-role/my-role/my-session-name',
    },
    eventTime: event.EventTime.toISOString().replace('.000Z', 'Z'),
    eventSource: event.EventSource,
    eventName: event.EventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '72.21.198.70',
    requestParameters: null,
    responseElements: event.EventName === 'ConsoleLogin' ? { ConsoleLogin: 'Success' } : null,
    eventID: event.EventId,
    eventType: event.EventName === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
    recipientAccountId: '123456789012',
    ...(errorCode ? { errorCode } : {}),
    // CloudTrail records carry `readOnly` (the log event reference); the CLI example's ConsoleLogin has none.
    ...(recordReadOnly === undefined ? {} : { readOnly: recordReadOnly }),
  };
  return { ...event, CloudTrailEvent: JSON.stringify(record) };
}

/** Shaped like awscli/examples/logs/get-query-results.rst (rows of {field, value}, @ptr included). */
export function logsQueryResults(
  status: GetQueryResultsCommandOutput['status'],
): Omit<GetQueryResultsCommandOutput, '$metadata'> {
  const row = (time: string, message: string, ptr: string) => [
    { field: '@timestamp', value: time },
    { field: '@message', value: message },
    { field: '@logStream', value: 'TestStream' },
    { field: '@ptr', value: ptr },
  ];
  return {
    results:
      status === 'Complete'
        ? [
            row('2024-05-19 06:10:35.743', 'ERROR Test BENCHMARK 3', 'ClQKGA'),
            row('2024-05-19 06:10:27.559', 'ERROR Test BENCHMARK 2', 'ClQKGB'),
          ]
        : [],
    statistics: { recordsMatched: 3.0, recordsScanned: 3.0, bytesScanned: 141.0 },
    status,
  };
}

/** Shaped like awscli/examples/glue/get-job-run.rst, turned into a failed run. */
export function glueFailedRun(overrides: Partial<JobRun> = {}): JobRun {
  return {
    Id: 'jr_012e176506505074d94d761755e5c62538ee1aad6f17d39f527e9140cf0c9a5e',
    Attempt: 0,
    JobName: 'Combine legistators data',
    StartedOn: new Date(1602873931255),
    LastModifiedOn: new Date(1602874075985),
    CompletedOn: new Date(1602874075985),
    JobRunState: 'FAILED',
    ErrorMessage: 'An error occurred while calling o103.pyWriteDynamicFrame. Access Denied',
    Arguments: {
      '--enable-continuous-cloudwatch-log': 'true',
      '--job-bookmark-option': 'job-bookmark-enable',
      '--spark-event-logs-path': 's3://aws-glue-assets-111122223333-us-east-1/sparkHistoryLogs/',
    },
    PredecessorRuns: [],
    AllocatedCapacity: 10,
    ExecutionTime: 117,
    Timeout: 2880,
    MaxCapacity: 10.0,
    WorkerType: 'G.1X',
    NumberOfWorkers: 10,
    LogGroupName: '/aws-glue/jobs',
    GlueVersion: '2.0',
    ...overrides,
  };
}

/**
 * Shaped like awscli/examples/logs/get-log-events.rst (GetLogEvents): events with `timestamp`,
 * `ingestionTime` and `message`, and both paging tokens; ours: the messages, one millisecond apart.
 */
export function logEventsPage(messages: string[]): Omit<GetLogEventsCommandOutput, '$metadata'> {
  return {
    nextForwardToken: 'f/31961209122447488583055879464742346735121166569214640130',
    events: messages.map((message, index) => ({
      ingestionTime: 1433190494190 + index,
      timestamp: 1433190184356 + index,
      message,
    })),
    nextBackwardToken: 'b/31961209122358285602261756944988674324553373268216709120',
  };
}

/**
 * Shaped like awscli/examples/emr/describe-step.rst (DescribeStep), turned into a failed step: `State`
 * FAILED and `Status.FailureDetails` with the `Reason`, `Message` and `LogFile` of the EMR API reference's
 * FailureDetails type (values ours); ids are the EMR step event's (eventbridge/emr-step-failed.json).
 */
export function emrFailedStep(failure: FailureDetails | null = emrFailure): DescribeStepOutput {
  return {
    Step: {
      Status: {
        Timeline: {
          EndDateTime: new Date('2016-12-16T20:53:09Z'),
          CreationDateTime: new Date('2016-12-16T20:50:26Z'),
          StartDateTime: new Date('2016-12-16T20:50:39Z'),
        },
        State: 'FAILED',
        StateChangeReason: {},
        ...(failure ? { FailureDetails: failure } : {}),
      },
      Config: {
        Args: ['s3://us-west-2.elasticmapreduce/libs/hive/hive-script', '--run-hive-script'],
        Jar: 's3://us-west-2.elasticmapreduce/libs/script-runner/script-runner.jar',
        Properties: {},
      },
      Id: 's-ZYXWVUTSRQPON',
      ActionOnFailure: 'CONTINUE',
      Name: 'CustomJAR',
    },
  };
}

const emrFailure: FailureDetails = {
  Reason: 'Unknown Error',
  Message: 'Exception in thread "main" java.lang.RuntimeException: Output path already exists',
  LogFile:
    's3://aws-logs-123456789012-us-east-1/elasticmapreduce/j-123456789ABCD/steps/s-ZYXWVUTSRQPON/stderr.gz',
};

/**
 * Shaped like awscli/examples/cloudwatch/describe-alarms.rst (DescribeAlarms): its `myalarm` metric alarm,
 * in the state asked for; ours: the name, the ARN (region and account of the alarm a test fires) and the
 * state value.
 */
export function describedMetricAlarm(input: {
  name: string;
  arn: string;
  stateValue: 'OK' | 'ALARM';
}): MetricAlarm {
  return {
    EvaluationPeriods: 2,
    AlarmArn: input.arn,
    StateUpdatedTimestamp: new Date('2014-04-09T18:59:06.442Z'),
    AlarmConfigurationUpdatedTimestamp: new Date('2012-12-27T00:49:54.032Z'),
    ComparisonOperator: 'GreaterThanThreshold',
    AlarmActions: ['arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm'],
    Namespace: 'AWS/EC2',
    AlarmDescription: 'CPU usage exceeds 70 percent',
    StateReasonData:
      '{"version":"1.0","queryDate":"2014-04-09T18:59:06.419+0000","startDate":"2014-04-09T18:44:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[38.958,40.292],"threshold":70.0}',
    Period: 300,
    StateValue: input.stateValue,
    Threshold: 70.0,
    AlarmName: input.name,
    Dimensions: [{ Name: 'InstanceId', Value: 'i-0c986c72' }],
    Statistic: 'Average',
    StateReason:
      'Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: [38.958, 40.292].',
    InsufficientDataActions: [],
    OKActions: [],
    ActionsEnabled: true,
    MetricName: 'CPUUtilization',
  };
}
