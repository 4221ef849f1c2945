import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatCsvRow, quoteCsvField, runAuditExport } from '../../../src/cli/audit-export.ts';
import type { AuditRecord } from '../../../src/model/records.ts';

const records: AuditRecord[] = [
  {
    id: 'a1',
    at: '2026-11-25T14:02:00.000Z',
    actor: { userId: 'U0ALICE', userName: 'alice' },
    action: 'acknowledge',
    alertId: 'alert-1',
    params: {},
    result: 'ok',
  },
  {
    id: 'a2',
    at: '2026-11-25T14:05:00.000Z',
    actor: { userId: 'U0BOB', userName: 'Bob "the, builder"' },
    action: 'mute',
    alertId: 'alert-1',
    params: { reason: 'deploy\nwindow' },
    result: 'refused',
    detail: 'not allowed to mute',
  },
];

async function exportWith(argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const calls: Array<[Date, Date]> = [];
  const audit = {
    async *listRange(from: Date, to: Date) {
      calls.push([from, to]);
      yield* records;
    },
  };
  const code = await runAuditExport(argv, { audit, out, err });
  out.end();
  err.end();
  return { code, out: out.read()?.toString() ?? '', err: err.read()?.toString() ?? '', calls };
}

describe('runAuditExport', () => {
  it('writes JSON lines by default, for the range asked', async () => {
    const result = await exportWith(['--from', '2026-11-25T00:00:00Z', '--to', '2026-11-26T00:00:00Z']);
    expect(result.code).toBe(0);
    expect(
      result.out
        .trimEnd()
        .split('\n')
        .map((line: string) => JSON.parse(line)),
    ).toEqual(records);
    expect(result.calls).toEqual([[new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z')]]);
  });

  it('writes RFC 4180 CSV with a header', async () => {
    const result = await exportWith([
      'export',
      '--from',
      '2026-11-25',
      '--to',
      '2026-11-26',
      '--format',
      'csv',
    ]);
    const lines = result.out.split('\r\n');
    expect(lines[0]).toBe('id,at,actorId,actorName,action,alertId,result,detail,params');
    expect(lines[1]).toBe('a1,2026-11-25T14:02:00.000Z,U0ALICE,alice,acknowledge,alert-1,ok,,{}');
    expect(result.out).toContain('"Bob ""the, builder"""');
  });

  it.each([
    [['--to', '2026-11-26']],
    [['--from', 'yesterday', '--to', '2026-11-26']],
    [['--from', '2026-11-26', '--to', '2026-11-25']],
    [['--from', '2026-11-25', '--to', '2026-11-26', '--format', 'xml']],
    [['--from', '2026-11-25', '--to', '2026-11-26', 'extra']],
  ])('refuses bad arguments %j with usage and exit code 2', async (argv) => {
    const result = await exportWith(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage: klaxon audit export');
    expect(result.calls).toHaveLength(0);
  });
});

describe('formatCsvRow', () => {
  it('quotes fields with line breaks and keeps params as JSON', () => {
    const row = formatCsvRow(records[1]!);
    expect(row).toBe(
      'a2,2026-11-25T14:05:00.000Z,U0BOB,"Bob ""the, builder""",mute,alert-1,refused,not allowed to mute,"{""reason"":""deploy\\nwindow""}"\r\n',
    );
  });
});

describe('quoteCsvField (formula injection, OWASP "CSV Injection")', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+cmd|calc', `"'+1+cmd|calc"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a cell starting with %j', (value, expected) => {
    expect(quoteCsvField(value)).toBe(expected);
  });

  it('keeps ordinary values exact', () => {
    expect(quoteCsvField('alice')).toBe('alice');
    expect(quoteCsvField('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(quoteCsvField('2026-11-25T14:05:00.000Z')).toBe('2026-11-25T14:05:00.000Z');
    expect(quoteCsvField('')).toBe('');
  });

  it('neutralises a display name that a Slack user set to a formula', () => {
    const row = formatCsvRow({ ...records[0]!, actor: { userId: 'U0EVE', userName: '=1+1' } });
    expect(row.split(',')[3]).toBe(`"'=1+1"`);
  });
});
