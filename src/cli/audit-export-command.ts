import { resolveStore } from '../app/resolve-store.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Settings } from '../config/load-settings.ts';
import type { Logger } from '../observability/logger.ts';

/** `klaxon audit export`: opens the configured store and streams the records to stdout. */
export async function runAuditExportCommand(
  args: string[],
  settings: Settings,
  _config: KlaxonConfig,
  logger: Logger,
): Promise<number> {
  const { runAuditExport } = await import('./audit-export.ts');
  const { store, stop } = await resolveStore(settings, logger);
  try {
    return await runAuditExport(args, { audit: store.audit, out: process.stdout, err: process.stderr });
  } finally {
    await stop();
  }
}
