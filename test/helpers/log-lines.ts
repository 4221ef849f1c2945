import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger.ts';

export type LogLine = Record<string, unknown>;

/** A destination for Klaxon's JSON log lines, and the lines it has received, parsed: what tests assert on. */
export function collectLogLines(): { destination: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { destination, lines };
}

/** A JSON logger whose lines land in `lines`. */
export function createCollectingLogger() {
  const { destination, lines } = collectLogLines();
  return { logger: createLogger({ format: 'json', destination }), lines };
}
