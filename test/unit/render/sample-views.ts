import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertView } from '../../../src/model/alert-view.ts';

/** Hand-built alerts, one per source, shaped as the parsers produce them (values from AWS documentation). */
export const sampleAlerts = {
  cloudwatchAlarm: {
    source: 'cloudwatch-alarm',
    key: 'cloudwatch-alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPU-web',
    name: 'HighCPU-web',
    title: 'HighCPU-web',
    state: 'firing',
    stateLabel: 'ALARM',
    severity: 'high',
    account: '123456789012',
    region: 'us-east-1',
    resource: 'AWS/EC2 CPUUtilization (InstanceId=i-0123456789abcdef0)',
    occurredAt: '2024-03-15T10:00:00.000Z',
    summary:
      'Threshold Crossed: 1 out of the last 1 datapoints [92.5 (15/03/24 09:55:00)] was greater than the threshold (80.0) (minimum 1 datapoint for OK -> ALARM transition).',
    fields: [
      { label: 'Threshold', value: 'CPUUtilization > 80 for 1 × 300 s' },
      { label: 'Previous state', value: 'OK' },
    ],
    consoleUrl:
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/HighCPU-web',
    runbookUrl: 'https://wiki.example.com/runbooks/high-cpu?team=web&env=prod',
    resolvableByEvent: true,
    raw: {},
  },
  macie: {
    source: 'macie',
    key: 'macie:123456789012:SensitiveData:S3Object/Multiple:my-bucket',
    name: 'SensitiveData:S3Object/Multiple',
    title: 'The S3 object contains multiple types of sensitive information.',
    state: 'firing',
    stateLabel: 'High',
    severity: 'high',
    account: '123456789012',
    region: 'us-east-1',
    resource: 's3://my-bucket/customers/export <2024>.csv',
    occurredAt: '2024-03-15T10:05:00.000Z',
    summary: 'The object contains personal information & financial information.',
    fields: [
      { label: 'Finding type', value: 'SensitiveData:S3Object/Multiple' },
      {
        label: 'Sensitive data',
        value: 'PERSONAL_INFORMATION (NAME × 120), FINANCIAL_INFORMATION (CREDIT_CARD_NUMBER × 4)',
      },
      { label: 'Public access', value: 'NOT_PUBLIC' },
    ],
    consoleUrl: 'https://us-east-1.console.aws.amazon.com/macie/home?region=us-east-1#findings?search=id%3D1',
    occurrence: '64b917aa3ed3b0c8b8e2f3f1c1d0b7e9:1',
    resolvableByEvent: false,
    raw: {},
  },
  glueFailure: {
    source: 'glue',
    key: 'glue:123456789012:us-east-1:nightly-etl',
    name: 'nightly-etl',
    title: 'Glue job nightly-etl FAILED',
    state: 'firing',
    stateLabel: 'FAILED',
    severity: 'high',
    account: '123456789012',
    region: 'us-east-1',
    resource: 'nightly-etl',
    occurredAt: '2024-03-15T02:10:00.000Z',
    summary: 'AnalysisException: Path does not exist: s3://raw-bucket/2024/03/15/',
    fields: [{ label: 'Run id', value: 'jr_0123456789abcdef' }],
    consoleUrl:
      'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/nightly-etl/run/jr_0123456789abcdef',
    occurrence: 'jr_0123456789abcdef',
    glueRun: { jobName: 'nightly-etl', jobRunId: 'jr_0123456789abcdef' },
    resolvableByEvent: true,
    raw: {},
  },
  emrFailure: {
    source: 'emr',
    key: 'emr:123456789012:us-east-1:j-2AXXXXXXGAPLF:Spark aggregation',
    name: 'Spark aggregation',
    title: 'EMR step Spark aggregation FAILED',
    state: 'firing',
    stateLabel: 'FAILED',
    severity: 'critical',
    account: '123456789012',
    region: 'us-east-1',
    resource: 'j-2AXXXXXXGAPLF / s-3OOXXXXXXC4VX',
    occurredAt: '2024-03-15T03:00:00.000Z',
    summary:
      'Step s-3OOXXXXXXC4VX (Spark aggregation) in Amazon EMR cluster j-2AXXXXXXGAPLF (Development Cluster) failed at 2024-03-15 03:00 UTC.',
    fields: [{ label: 'Action on failure', value: 'CONTINUE' }],
    occurrence: 's-3OOXXXXXXC4VX',
    resolvableByEvent: false,
    raw: {},
  },
  generic: {
    source: 'generic',
    key: 'generic:arn:aws:sns:us-east-1:123456789012:ops:Backup failed',
    name: 'Backup failed',
    title: 'Backup failed',
    state: 'firing',
    stateLabel: 'NOTIFICATION',
    severity: 'medium',
    occurredAt: '2024-03-15T04:00:00.000Z',
    summary: 'The nightly backup of db-1 failed: <disk full>',
    fields: [],
    resolvableByEvent: false,
    raw: 'The nightly backup of db-1 failed: <disk full>',
  },
} as const satisfies Record<string, NormalizedAlert>;

export type SampleAlertName = keyof typeof sampleAlerts;

/** A fresh, mutable copy with overrides, so tests never share state through a sample. */
export function buildAlert(name: SampleAlertName, overrides: Partial<NormalizedAlert> = {}): NormalizedAlert {
  return { ...structuredClone(sampleAlerts[name]), ...overrides } as NormalizedAlert;
}

/** An open alert that fired once and nobody has touched yet. */
export function buildView(alert: NormalizedAlert, overrides: Partial<AlertView> = {}): AlertView {
  return {
    alertId: 'AbCdEfGhIjKlMnOpQrStUv',
    alert,
    status: 'open',
    firstFiredAt: alert.occurredAt,
    lastFiredAt: alert.occurredAt,
    timesFired: 1,
    mentions: ['<!here>', '<!subteam^S0123ABCD>'],
    reruns: [],
    ...overrides,
  };
}

export const sampleUser = { userId: 'U0123ABCD', userName: 'ann' } as const;
export const otherUser = { userId: 'U0456EFGH', userName: 'bob' } as const;
