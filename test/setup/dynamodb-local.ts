import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../src/store/dynamodb-local.ts';
import { findFreePort } from '../../src/util/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let javaProcess: ChildProcess | undefined;

/** Starts one in-memory DynamoDB Local for the whole run; each test file creates its own table in it. */
export async function setup(project: TestProject): Promise<void> {
  const local = await startDynamoDbLocal({ port: await findFreePort() });
  javaProcess = local.process;
  project.provide('dynamoEndpoint', local.endpoint);
}

export async function teardown(): Promise<void> {
  javaProcess?.kill('SIGTERM');
}
