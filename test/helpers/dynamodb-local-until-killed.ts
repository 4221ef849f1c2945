import { startDynamoDbLocal } from '../../src/store/dynamodb-local.ts';
import { findFreePort } from '../../src/util/free-port.ts';

/**
 * Starts an embedded DynamoDB Local on the data directory given as the first argument, prints its pid and
 * waits to be killed: the test kills it with SIGKILL, as an operator's `kill -9` of Klaxon would.
 */
const local = await startDynamoDbLocal({
  port: await findFreePort(),
  path: process.argv[2] ?? '',
  readyTimeoutMs: 60_000,
});
process.stdout.write(`${local.process.pid}\n`);
setInterval(() => undefined, 60_000);
