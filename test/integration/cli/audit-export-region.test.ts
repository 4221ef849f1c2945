import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { runAuditExportCommand } from '../../../src/cli/audit-export-command.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { loadSettings } from '../../../src/config/load-settings.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { openStore } from '../../../src/store/open-store.ts';

/** Runs `klaxon audit export` as main.ts does, with stdout and stderr captured. */
async function exportAudit(env: Record<string, string>, args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  err.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await runAuditExportCommand(
    args,
    loadSettings(env),
    parseConfig({}, 'test'),
    createSilentLogger(),
    { out, err },
  );
  return { code, stdout, stderr };
}

describe('klaxon audit export against a local DynamoDB', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const tableName = `audit-region-${randomUUID().slice(0, 8)}`;
  const endpoint = () => inject('dynamoEndpoint');

  it('finds what the server wrote even when AWS_REGION differs (local databases are per region)', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const server = await openStore({ tableName, endpoint: endpoint(), createTable: true });
    await server.audit.append({
      at: '2026-11-25T14:02:00.000Z',
      actor: { userId: 'U0ALICE', userName: 'alice' },
      action: 'acknowledge',
      params: {},
      result: 'ok',
    });

    vi.stubEnv('AWS_REGION', 'ap-southeast-2');
    const result = await exportAudit(
      { KLAXON_DYNAMODB_ENDPOINT: endpoint(), KLAXON_TABLE_NAME: tableName, AWS_REGION: 'ap-southeast-2' },
      ['export', '--from', '2026-11-25', '--to', '2026-11-26'],
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"userId":"U0ALICE"');
    expect(result.stderr).toBe('');
  });

  it('says where it looked when the range holds nothing, and still exits 0', async () => {
    const result = await exportAudit({ KLAXON_DYNAMODB_ENDPOINT: endpoint(), KLAXON_TABLE_NAME: tableName }, [
      'export',
      '--from',
      '2020-01-01',
      '--to',
      '2020-01-02',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no audit records');
    expect(result.stderr).toContain(tableName);
    expect(result.stderr).toContain(endpoint());
    expect(result.stderr).toContain('2020-01-01T00:00:00.000Z');
    expect(result.stderr).toContain('2020-01-02T00:00:00.000Z');
  });
});
