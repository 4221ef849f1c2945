import type { AwsClients } from '../aws/aws-clients.ts';

/** A function with no use for the query clients (the SNS function) is built without them: smaller, faster. */
export class AwsClientUnavailableError extends Error {
  override name = 'AwsClientUnavailableError';
}

/**
 * Stands in for the query clients where no button or command runs; reaching for one is a wiring mistake
 * and says so, rather than the function bundling four AWS clients it never calls.
 */
export function createUnavailableAwsClients(): AwsClients {
  const unavailable = (name: string) => () => {
    throw new AwsClientUnavailableError(`the ${name} client is not part of this function`);
  };
  return Object.defineProperties({ hasCredentials: async () => false } as AwsClients, {
    cloudTrail: { get: unavailable('CloudTrail') },
    logs: { get: unavailable('CloudWatch Logs') },
    athena: { get: unavailable('Athena') },
    glue: { get: unavailable('Glue') },
    emr: { get: unavailable('EMR') },
    cloudWatch: { get: unavailable('CloudWatch') },
    in: { get: unavailable('regional AWS') },
  });
}
