/** What the failing call was doing, so the message can say it in words. */
export interface ErrorContext {
  /** e.g. "look up CloudTrail events", "start the Athena query" */
  action?: string;
  /** e.g. "log group /aws/lambda/etl", "Glue job nightly-load" */
  resource?: string;
}

type Describe = (context: Required<ErrorContext>, detail: string) => string;

const accessDenied: Describe = (c) =>
  `Klaxon is not allowed to ${c.action} (AccessDenied): its IAM role needs that permission.`;
const throttled: Describe = (c) => `AWS is throttling requests to ${c.action}; try again in a minute.`;
const notFound: Describe = (c) => `${capitalize(c.resource)} was not found: check the name and the region.`;
const rejected: Describe = (_c, d) => `AWS rejected the request: ${d}`;
const badCredentials: Describe = () => `Klaxon's AWS credentials are missing or expired.`;
const awsInternal: Describe = (c) => `AWS had an internal error while trying to ${c.action}; try again.`;

/** Looked up by the error's `name`, which is how SDK v3 spells the AWS error code. */
const describers: Record<string, Describe> = {
  AccessDenied: accessDenied,
  AccessDeniedException: accessDenied,
  UnauthorizedOperation: accessDenied,
  UnauthorizedException: accessDenied,
  ThrottlingException: throttled,
  TooManyRequestsException: throttled,
  ThrottledException: throttled,
  RequestLimitExceeded: throttled,
  ResourceNotFoundException: notFound,
  EntityNotFoundException: notFound,
  ConcurrentRunsExceededException: (c) =>
    `${capitalize(c.resource)} is already running as many times as it may at once; wait for the current run to finish.`,
  ResourceNumberLimitExceededException: (c) =>
    `An AWS account limit was reached while trying to ${c.action}; ask an admin to raise the quota or clean up.`,
  LimitExceededException: () =>
    'Too many Logs Insights queries are running in this account right now (about 30 at once); try again shortly.',
  MalformedQueryException: (_c, d) => `The Logs Insights query is not valid: ${d}`,
  InvalidRequestException: (_c, d) => `Athena refused the query: ${d}`,
  InvalidParameterException: rejected,
  ValidationException: rejected,
  InvalidInputException: rejected,
  InvalidTimeRangeException: rejected,
  InvalidLookupAttributesException: rejected,
  ExpiredTokenException: badCredentials,
  ExpiredToken: badCredentials,
  CredentialsProviderError: badCredentials,
  UnrecognizedClientException: badCredentials,
  InvalidClientTokenId: badCredentials,
  ServiceUnavailableException: awsInternal,
  InternalServerException: awsInternal,
  InternalServiceException: awsInternal,
  InternalFailure: awsInternal,
  AbortError: () => 'The request was cancelled.',
};

export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** Turns any error from an AWS call into one short sentence; stacks and request ids stay in the logs. */
export function describeAwsError(error: unknown, context: ErrorContext = {}): string {
  const name = errorName(error) ?? 'Error';
  const detail = shortenMessage(error);
  const full = { action: context.action ?? 'call AWS', resource: context.resource ?? 'the resource' };
  const describe = describers[name];
  if (describe) return describe(full, detail);
  if (name === 'Error' || name === 'TypeError')
    return `Unexpected error while trying to ${full.action}: ${detail}`;
  return `AWS error ${name} while trying to ${full.action}: ${detail}`;
}

function shortenMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = (raw.split('\n')[0] ?? '').trim() || 'no details';
  return firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
