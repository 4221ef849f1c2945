import { resolve } from 'node:path';
import type { Settings } from '../config/load-settings.ts';
import { localEndpointIdentity } from '../store/table.ts';

export interface AuditSource {
  /** Where the export read, in words: table and endpoint or region. */
  where: string;
  /** Why a store could hold nothing for the range although the server did write records. */
  hints: string[];
}

/** Describes the store `klaxon audit export` reads, for the note it prints when it finds nothing. */
export function describeAuditSource(settings: Settings, endpoint?: string): AuditSource {
  const table = `table "${settings.tableName}"`;
  const sameRegion = `the local database of region ${localEndpointIdentity.region} (fixed for local endpoints, whatever AWS_REGION says)`;
  if (settings.storeMode === 'embedded') {
    const dir = resolve(settings.dataDir, 'dynamodb');
    return {
      where: `${table} in the embedded DynamoDB Local with data in ${dir}, ${sameRegion}`,
      hints: [
        'the server keeps its data under KLAXON_DATA_DIR (default .klaxon, relative to the directory it was started in): run the export from the same directory or with the same KLAXON_DATA_DIR',
      ],
    };
  }
  if (settings.storeMode === 'endpoint') {
    return {
      where: `${table} at ${endpoint ?? settings.dynamoDbEndpoint}, ${sameRegion}`,
      hints: ['the server must use the same KLAXON_DYNAMODB_ENDPOINT and KLAXON_TABLE_NAME'],
    };
  }
  const region = settings.awsRegion ?? process.env.AWS_REGION ?? 'us-east-1';
  return {
    where: `${table} in DynamoDB, region ${region}, with the current AWS credentials`,
    hints: ["the server's table may be in another region (AWS_REGION) or account (AWS_PROFILE)"],
  };
}
