// The worker's Athena access for `/klaxon` queries over CloudTrail: the workgroup, the Glue catalog entries of
// the CloudTrail table, the trail's logs in S3, the result location and, if given, their KMS keys.
import { ArnFormat, Aws, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Acknowledgement } from './nag-acknowledgements.ts';

/** Where Athena reads the CloudTrail logs from and writes its results to (for `/klaxon` Athena queries). */
export interface CloudTrailQueryProps {
  /** Glue Data Catalog database holding the CloudTrail table. */
  readonly glueDatabase: string;
  /** Glue Data Catalog table over the trail's S3 logs. */
  readonly glueTable: string;
  /** S3 bucket the trail delivers to. */
  readonly bucketName: string;
  /** Key prefix of the trail's logs in that bucket (e.g. `AWSLogs/`); default: the whole bucket. */
  readonly bucketPrefix?: string;
  /** Athena workgroup the worker runs queries in; default `primary`. */
  readonly athenaWorkGroup?: string;
  /** Athena query result location, `s3://bucket/prefix/`. */
  readonly athenaOutputLocation: string;
  /** KMS keys encrypting the trail bucket or the result location (grants kms:Decrypt/GenerateDataKey). */
  readonly kmsKeyArns?: string[];
}

export function athenaStatements(stack: Stack, q: CloudTrailQueryProps): iam.PolicyStatement[] {
  const keys = q.kmsKeyArns ?? [];
  return [
    new iam.PolicyStatement({
      sid: 'AthenaQueries',
      actions: [
        'athena:StartQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:StopQueryExecution',
      ],
      resources: [
        stack.formatArn({
          service: 'athena',
          resource: 'workgroup',
          resourceName: q.athenaWorkGroup ?? 'primary',
        }),
      ],
    }),
    catalogStatement(stack, q),
    ...s3Statements(q),
    ...(keys.length > 0 ? [keysStatement(keys)] : []),
  ];
}

/** The object wildcards under the trail prefix and the result prefix, with their reasons. */
export function athenaAcknowledgements(q: CloudTrailQueryProps): Acknowledgement[] {
  const output = parseS3Url(q.athenaOutputLocation);
  return [
    {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${q.bucketName}/${q.bucketPrefix ?? ''}*]`,
      reason: 'Athena reads every CloudTrail log object under the trail prefix; read-only.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${output.bucket}/${output.prefix}*]`,
      reason: 'Athena writes query results under the configured output prefix with generated object names.',
    },
  ];
}

function catalogStatement(stack: Stack, q: CloudTrailQueryProps): iam.PolicyStatement {
  const glue = (resource: string, resourceName?: string) =>
    stack.formatArn({
      service: 'glue',
      resource,
      ...(resourceName ? { resourceName } : {}),
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  return new iam.PolicyStatement({
    sid: 'CloudTrailTableMetadata',
    actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
    resources: [
      glue('catalog'),
      glue('database', q.glueDatabase),
      glue('table', `${q.glueDatabase}/${q.glueTable}`),
    ],
  });
}

function s3Statements(q: CloudTrailQueryProps): iam.PolicyStatement[] {
  const output = parseS3Url(q.athenaOutputLocation);
  const s3 = (path: string) => `arn:${Aws.PARTITION}:s3:::${path}`;
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailLogsRead',
      actions: ['s3:GetObject'],
      resources: [s3(`${q.bucketName}/${q.bucketPrefix ?? ''}*`)],
    }),
    new iam.PolicyStatement({
      sid: 'AthenaResultsWrite',
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [s3(`${output.bucket}/${output.prefix}*`)],
    }),
    new iam.PolicyStatement({
      sid: 'BucketsList',
      actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
      resources: [...new Set([q.bucketName, output.bucket])].map(s3),
    }),
  ];
}

function keysStatement(kmsKeyArns: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'CloudTrailAndResultsKeys',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: kmsKeyArns,
  });
}

function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) throw new Error(`Klaxon: athenaOutputLocation must look like s3://bucket/prefix/, got ${url}`);
  return { bucket: match[1]!, prefix: match[2] ?? '' };
}
