import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino replaces them before anything is written. */
export const redactedPaths = [
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

export interface LoggerOptions {
  level?: string;
  destination?: NodeJS.WritableStream;
}

/** The fields every Klaxon log line has, and the secrets none may show. */
export function loggerBase(options: LoggerOptions) {
  return {
    level: options.level ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { service: 'klaxon' },
  };
}

/** JSON lines only: what the Lambda functions use, so their bundles carry no pretty-printer. */
export function createJsonLogger(options: LoggerOptions = {}): Logger {
  return pino(
    loggerBase(options),
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination({ sync: true }),
  );
}

/** One rule for every transport: server errors are errors, refusals are warnings, the rest is info. */
export function logLevelForStatus(status: number): 'error' | 'warn' | 'info' {
  if (status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'info';
}
