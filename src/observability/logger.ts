import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Paths that may carry secrets; pino replaces them before anything is written. */
const redactedPaths = [
  'token',
  'botToken',
  'signingSecret',
  '*.token',
  '*.botToken',
  '*.signingSecret',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'req.headers.authorization',
];

/** JSON lines when stdout is not a terminal (services, CI, Lambda); readable lines on a terminal. */
export function createLogger(
  options: { level?: string; format?: 'json' | 'pretty'; destination?: NodeJS.WritableStream } = {},
): Logger {
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const base = {
    level: options.level ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { service: 'klaxon' },
  };
  if (format === 'pretty') {
    return pino(
      base,
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
  return pino(
    base,
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination({ sync: true }),
  );
}

/** A logger that writes nowhere, for tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** One rule for every transport: server errors are errors, refusals are warnings, the rest is info. */
export function logLevelForStatus(status: number): 'error' | 'warn' | 'info' {
  if (status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'info';
}
