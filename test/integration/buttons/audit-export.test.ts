import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAuditExport } from '../../../src/cli/audit-export.ts';
import type { KlaxonStore } from '../../../src/store/open-store.ts';
import { openTestStore } from '../../helpers/test-store.ts';

let store: KlaxonStore;
const times = [
  '2026-11-24T23:59:59.999Z',
  '2026-11-25T00:00:00.000Z',
  '2026-11-25T14:02:00.000Z',
  '2026-11-26T09:30:00.000Z',
  '2026-11-26T12:00:00.000Z',
];

beforeAll(async () => {
  store = await openTestStore();
  for (const [index, at] of times.entries()) {
    await store.audit.append({
      at,
      actor: { userId: 'U0ALICE', userName: index === 2 ? 'Alice, "the on-call"' : 'alice' },
      action: index % 2 ? 'mute' : 'acknowledge',
      alertId: `alert-${index}`,
      params: index % 2 ? { choice: '1h' } : {},
      result: index === 3 ? 'refused' : 'ok',
    });
  }
});

async function exportRange(from: string, to: string, format: string) {
  const out = new PassThrough();
  const commands: string[] = [];
  // Every read of the export must be a Query: a Scan over the whole table is what auditors' ranges avoid.
  store.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: `spy-${Math.random()}` },
  );
  const code = await runAuditExport(['--from', from, '--to', to, '--format', format], {
    audit: store.audit,
    out,
  });
  out.end();
  return { code, text: String(out.read() ?? ''), commands };
}

describe('klaxon audit export on DynamoDB Local', () => {
  it('writes the records of [from, to) as JSON lines, read with queries only', async () => {
    const result = await exportRange('2026-11-25T00:00:00Z', '2026-11-26T12:00:00Z', 'jsonl');
    expect(result.code).toBe(0);
    const records = result.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.at)).toEqual(times.slice(1, 4));
    expect(records[2]).toMatchObject({ action: 'mute', result: 'refused', params: { choice: '1h' } });
    expect(new Set(result.commands)).toEqual(new Set(['QueryCommand']));
  });

  it('writes the same range as CSV', async () => {
    const result = await exportRange('2026-11-25T00:00:00Z', '2026-11-26T12:00:00Z', 'csv');
    const lines = result.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('id,at,actorId,actorName,action,alertId,result,detail,params');
    expect(lines[2]).toContain(
      ',2026-11-25T14:02:00.000Z,U0ALICE,"Alice, ""the on-call""",acknowledge,alert-2,ok,,{}',
    );
    expect(lines[3]).toContain(',mute,alert-3,refused,,"{""choice"":""1h""}"');
  });
});
