import { describe, expect, it } from 'vitest';
import { readSeverityMark } from '../../../src/core/parsers/severity-convention.ts';

describe('readSeverityMark', () => {
  it.each([
    ['[critical] orders-db-down', 'critical'],
    ['api-5xx [LOW]', 'low'],
    ['P1-payments-latency', 'critical'],
    ['payments_latency_P2', 'high'],
    ['queue depth P3', 'medium'],
    ['sev:high disk', 'high'],
    ['Severity: medium', 'medium'],
    ['severity=info', 'info'],
  ])('reads %s as %s', (name, expected) => {
    expect(readSeverityMark(name)).toBe(expected);
  });

  it.each(['EC2-CPU', 'HighCPU-web', 'APP1-errors', 'P12-errors', 'severity: urgent', '[sev]'])(
    'finds no mark in %s',
    (name) => {
      expect(readSeverityMark(name)).toBeUndefined();
    },
  );

  it('prefers the name to the description, and reads the description when the name has none', () => {
    expect(readSeverityMark('[low] disk', 'severity: critical')).toBe('low');
    expect(readSeverityMark('disk', 'Pages the DBA. severity: critical')).toBe('critical');
    expect(readSeverityMark('disk', undefined)).toBeUndefined();
  });
});
