import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.ts';

describe('the terminal logger', () => {
  it('prints one line per request, its fields on that line', () => {
    // Prepare
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ format: 'pretty', destination });

    // Act
    logger.info(
      { method: 'POST', path: '/sns', status: 200, durationMs: 12, outcome: 'new-alert' },
      'request',
    );

    // Assess
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('request');
    expect(lines[0]).toContain('"/sns"');
    expect(lines[0]).toContain('"outcome":"new-alert"');
  });
});
