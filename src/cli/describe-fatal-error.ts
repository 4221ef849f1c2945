/**
 * Errors whose message already tells the operator what to do: printed as `klaxon: <message>`, no stack.
 * Matched by name so that error classes from any module qualify without importing them all here.
 */
const operatorFacingErrorNames: ReadonlySet<string> = new Set([
  'ConfigError',
  'PortUnavailableError',
  'SlackTokenRejectedError',
  'AuditExportUsageError',
  'ChannelCheckError',
  'DataDirectoryInUseError',
]);

/** The text written to stderr when a command fails: a sentence for known errors, the stack for bugs. */
export function describeFatalError(error: unknown): string {
  if (error instanceof Error && operatorFacingErrorNames.has(error.name)) {
    return `klaxon: ${error.message}\n`;
  }
  return `klaxon: ${(error as Error)?.stack ?? String(error)}\n`;
}
