import pino from 'pino';
import pretty from 'pino-pretty';
import { createJsonLogger, type Logger, loggerBase } from './json-logger.ts';

export { logLevelForStatus } from './json-logger.ts';
export type { Logger };

/** JSON lines when stdout is not a terminal (services, CI, Lambda); readable lines on a terminal. */
export function createLogger(
  options: { level?: string; format?: 'json' | 'pretty'; destination?: NodeJS.WritableStream } = {},
): Logger {
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format !== 'pretty') return createJsonLogger(options);
  return pino(
    loggerBase(options),
    pretty({
      colorize: true,
      sync: true,
      destination: options.destination ?? 1,
      ignore: 'pid,hostname,service',
      // One line per event: a request's method, path, status and timing read together, not as five lines.
      singleLine: true,
    }),
  );
}

/** A logger that writes nowhere, for tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
