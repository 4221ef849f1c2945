import { lookupEventsAnswer, sample } from './sample-answer-parts.ts';
import { drawSampleMetricGraph } from './sample-metric-graph.ts';

// The sandbox's answers to the enrichment lookups, each shaped like the AWS CLI Command Reference example
// named on it (aws/aws-cli `awscli/examples/…`, dates as the SDK deserializes them); src/sandbox/samples/
// README.md lists them. Every free-text value a reader sees starts with `[sample]`.

type Answer = Record<string, unknown>;
type Input = Record<string, unknown>;

let graph: Uint8Array | undefined;

/** GetMetricWidgetImage returns PNG bytes in `MetricWidgetImage`: a picture drawn here, SAMPLE across it. */
export function metricWidgetImage(): Answer {
  graph ??= drawSampleMetricGraph();
  return { MetricWidgetImage: graph };
}

/**
 * The composite sample (cloudwatch-alarm-composite.json) and its children's states. Only these names are
 * answered: any other alarm is "not found", so the sweep's reconciliation never resolves a sandbox alert.
 */
const compositeName = 'if-sim-app_427809481713_us-east-1-test_node_monitor';
const childStates: Record<string, 'ALARM' | 'OK'> = {
  'if-sim-app_427809481713_us-east-1-metric_emitting_node_failure': 'ALARM',
  'if-sim-app_427809481713_us-east-1-metric_emitting_long_execution': 'OK',
};
const alarmArn = (name: string) => `arn:aws:cloudwatch:us-east-1:427809481713:alarm:${name}`;

/** awscli/examples/cloudwatch/describe-alarms.rst's MetricAlarms fields, and the API reference's CompositeAlarm. */
export function describeAlarms(input: Input, now: Date): Answer {
  const names = Array.isArray(input.AlarmNames) ? input.AlarmNames.map(String) : [];
  const updated = new Date(now.getTime() - 5 * 60_000);
  const MetricAlarms = names
    .filter((name) => childStates[name])
    .map((AlarmName) => ({
      AlarmName,
      AlarmArn: alarmArn(AlarmName),
      StateValue: childStates[AlarmName],
      StateReason: sample('Threshold Crossed'),
      StateUpdatedTimestamp: updated,
      Namespace: 'sim-app_427809481713_us-east-1',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }));
  const CompositeAlarms = names.includes(compositeName)
    ? [
        {
          AlarmName: compositeName,
          AlarmArn: alarmArn(compositeName),
          AlarmRule: Object.keys(childStates)
            .map((name) => `ALARM(${alarmArn(name)})`)
            .join(' OR '),
          StateValue: 'ALARM',
          StateReason: sample('arn:…:metric_emitting_node_failure transitioned to ALARM'),
          StateUpdatedTimestamp: updated,
        },
      ]
    : [];
  return { MetricAlarms, CompositeAlarms };
}

/** awscli/examples/logs/describe-metric-filters.rst: its DemoFilter, turned to the metric asked about. */
export function describeMetricFilters(input: Input): Answer {
  return {
    metricFilters: [
      {
        filterName: 'DemoFilter',
        filterPattern: 'ERROR',
        metricTransformations: [
          {
            metricName: String(input.metricName ?? 'Demo_Error'),
            metricNamespace: String(input.metricNamespace ?? 'DemoNamespace'),
            metricValue: '1',
          },
        ],
        creationTime: 1713432753126,
        logGroupName: 'demo-log-group',
      },
    ],
  };
}

/** awscli/examples/logs/filter-log-events.rst: its stream1 lines, inside the window asked for. */
export function filterLogEvents(input: Input, now: Date): Answer {
  const end = Math.min(Number(input.endTime) || now.getTime(), now.getTime());
  return {
    events: [1, 2, 3].map((n) => ({
      logStreamName: 'stream1',
      timestamp: end - (4 - n) * 60_000,
      message: sample(`ERROR Event ${n}`),
      ingestionTime: end,
      eventId: `3125453235676876464356789654323456789876543256543${n}`,
    })),
    searchedLogStreams: [{ logStreamName: 'stream1', searchedCompletely: true }],
  };
}

/** awscli/examples/logs/get-log-events.rst's page shape; the lines are a Glue driver's error, as samples. */
export function getLogEvents(): Answer {
  const messages = [
    'ERROR [main] glue.ProcessLauncher (Logging.scala:logError(73)): Error from Python:Traceback (most recent call last):',
    'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
  ];
  return {
    nextForwardToken: 'f/31961209122447488583055879464742346735121166569214640130',
    events: messages.map((message, index) => ({
      ingestionTime: 1433190494190 + index,
      timestamp: 1433190184356 + index,
      message: sample(message),
    })),
    nextBackwardToken: 'b/31961209122358285602261756944988674324553373268216709120',
  };
}

/**
 * awscli/examples/emr/describe-step.rst's Step, failed: `Status.FailureDetails` with the fields of the EMR API
 * reference's FailureDetails type (`Unknown Error` is the reason it documents when EMR finds no cause).
 */
export function describeStep(input: Input): Answer {
  const clusterId = String(input.ClusterId ?? 'j-123456789ABCD');
  const stepId = String(input.StepId ?? 's-ZYXWVUTSRQPON');
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
        FailureDetails: {
          Reason: sample('Unknown Error'),
          Message: sample(
            'Exception in thread "main" java.lang.RuntimeException: Output path already exists',
          ),
          LogFile: `s3://aws-logs-123456789012-us-east-1/elasticmapreduce/${clusterId}/steps/${stepId}/stderr.gz`,
        },
      },
      Config: {
        Args: ['s3://us-west-2.elasticmapreduce/libs/hive/hive-script', '--run-hive-script'],
        Jar: 's3://us-west-2.elasticmapreduce/libs/script-runner/script-runner.jar',
        Properties: {},
      },
      Id: stepId,
      ActionOnFailure: 'CONTINUE',
      Name: sample('CustomJAR'),
    },
  };
}

/**
 * LookupEvents by resource name (the recent-changes lookup): lookup-events.rst's Event shape around the CloudTrail
 * User Guide's EC2 log example (IAM user Mateo calls StartInstances), on the resource asked about.
 */
export function lookupResourceEvents(resourceName: string, now: Date): Answer {
  return lookupEventsAnswer({
    now,
    minutesAgo: 25,
    eventId: 'e755e09c-42f9-4c5c-9064-EXAMPLE228c7',
    username: 'Mateo',
    resources: [{ ResourceType: 'AWS::EC2::Instance', ResourceName: resourceName }],
    record: (eventTime) => ({
      eventVersion: '1.08',
      userIdentity: {
        type: 'IAMUser',
        principalId: 'EXAMPLE6E4XEGITWATV6R',
        arn: 'arn:aws:iam::123456789012:user/Mateo',
        accountId: '123456789012',
        userName: 'Mateo',
      },
      eventTime,
      eventSource: 'ec2.amazonaws.com',
      eventName: 'StartInstances',
      awsRegion: 'us-east-1',
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: '123456789012',
    }),
  });
}
