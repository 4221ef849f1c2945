import type { Writable } from 'node:stream';
import { resolveStore } from '../app/resolve-store.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Settings } from '../config/load-settings.ts';
import type { Logger } from '../observability/logger.ts';
import { describeAuditSource } from './describe-audit-source.ts';

/** `klaxon audit export`: opens the configured store and streams the records to stdout. */
export async function runAuditExportCommand(
  args: string[],
  settings: Settings,
  _config: KlaxonConfig,
  logger: Logger,
  io: { out: Writable; err: Writable } = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const { runAuditExport } = await import('./audit-export.ts');
  const { store, stop, endpoint } = await resolveStore(settings, logger);
  try {
    return await runAuditExport(args, {
      audit: store.audit,
      ...io,
      source: describeAuditSource(settings, endpoint),
    });
  } finally {
    await stop();
  }
}
