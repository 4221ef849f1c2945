import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { AuditRecord } from '../model/records.ts';
import type { AuditStore } from '../store/audit-store.ts';
import type { AuditSource } from './describe-audit-source.ts';

export const auditExportUsage =
  'usage: klaxon audit export --from <ISO time> --to <ISO time> [--format jsonl|csv]\n' +
  '  Writes the audit records with from <= time < to, oldest first, to standard output.\n';

export interface AuditExportDeps {
  audit: Pick<AuditStore, 'listRange'>;
  out: Writable;
  err?: Writable;
  /** Where the records are read from; named on stderr when the range holds none. */
  source?: AuditSource;
}

export class AuditExportUsageError extends Error {
  override name = 'AuditExportUsageError';
}

const csvColumns = [
  'id',
  'at',
  'actorId',
  'actorName',
  'action',
  'alertId',
  'result',
  'detail',
  'params',
] as const;

/** `klaxon audit export`: 0 on success, 2 on bad arguments (the message goes to `err`). */
export async function runAuditExport(argv: string[], deps: AuditExportDeps): Promise<number> {
  let options: ReturnType<typeof parseAuditExportArgs>;
  try {
    options = parseAuditExportArgs(argv);
  } catch (error) {
    deps.err?.write(`${(error as Error).message}\n${auditExportUsage}`);
    return 2;
  }
  const format = options.format === 'csv' ? formatCsvRow : formatJsonLine;
  if (options.format === 'csv') await writeChunk(deps.out, `${csvColumns.join(',')}\r\n`);
  let count = 0;
  for await (const record of deps.audit.listRange(options.from, options.to)) {
    await writeChunk(deps.out, format(record));
    count += 1;
  }
  // An honest empty result keeps exit code 0, but says where it looked: a wrong store looks the same.
  if (count === 0) deps.err?.write(describeEmptyExport(options.from, options.to, deps.source));
  return 0;
}

export function describeEmptyExport(from: Date, to: Date, source: AuditSource | undefined): string {
  const lines = [
    `klaxon audit export: no audit records with ${from.toISOString()} <= time < ${to.toISOString()}`,
  ];
  if (source) {
    lines.push(`  looked in: ${source.where}`);
    for (const hint of source.hints) lines.push(`  if you expected some: ${hint}`);
  }
  return `${lines.join('\n')}\n`;
}

export function parseAuditExportArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
    },
    allowPositionals: true,
    strict: true,
  });
  // The CLI may pass its sub-command word along; nothing else is expected.
  const extra = positionals.filter((word, index) => !(index === 0 && word === 'export'));
  if (extra.length > 0) throw new AuditExportUsageError(`unexpected argument: ${extra[0]}`);
  const from = parseTime('--from', values.from);
  const to = parseTime('--to', values.to);
  if (from.getTime() >= to.getTime()) throw new AuditExportUsageError('--from must be before --to');
  if (values.format !== 'jsonl' && values.format !== 'csv') {
    throw new AuditExportUsageError(`--format must be jsonl or csv, not ${values.format}`);
  }
  return { from, to, format: values.format };
}

function parseTime(name: string, value: string | undefined): Date {
  if (!value) throw new AuditExportUsageError(`${name} is required`);
  // An ISO date or date-time; a bare date means midnight UTC, like Date.parse reads it.
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new AuditExportUsageError(`${name} must be an ISO 8601 time such as 2026-11-25T14:00:00Z`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AuditExportUsageError(`${name} is not a valid time: ${value}`);
  return new Date(ms);
}

export function formatJsonLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function formatCsvRow(record: AuditRecord): string {
  const cells = [
    record.id,
    record.at,
    record.actor.userId,
    record.actor.userName ?? '',
    record.action,
    record.alertId ?? '',
    record.result,
    record.detail ?? '',
    JSON.stringify(record.params),
  ];
  return `${cells.map(quoteCsvField).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, plus OWASP's defence against CSV (formula) injection: a spreadsheet runs a cell that
 * starts with = + - @ tab or CR as a formula, and user names, reasons and details come from Slack users.
 * Such a cell gets a leading `'` (shown as text, not run) and is quoted; other values stay exact.
 */
export function quoteCsvField(value: string): string {
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Honours back-pressure, so a large export through a slow pipe does not pile up in memory. */
async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
