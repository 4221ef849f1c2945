import { describe, expect, it } from 'vitest';
import { defaultLogsQuery } from '../../../src/aws/logs-insights.ts';
import { parseIsoTime } from '../../../src/core/commands/klaxon-time-range.ts';
import { klaxonUsage, parseKlaxonCommand } from '../../../src/core/commands/parse-klaxon-command.ts';

const now = new Date('2024-05-20T12:00:00Z');
const options = { now, logGroupAliases: { etl: ['/aws-glue/jobs/error', '/aws-glue/jobs/output'] } };
const parse = (text: string) => parseKlaxonCommand(text, options);
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('parseKlaxonCommand', () => {
  it('reads trail filters, share and since', () => {
    expect(
      parse('trail user=alice event=DeleteBucket source=s3 readonly=false region=eu-west-1 since=2h share'),
    ).toEqual({
      kind: 'trail',
      share: true,
      filters: { user: 'alice', eventName: 'DeleteBucket', eventSource: 's3.amazonaws.com', readOnly: false },
      region: 'eu-west-1',
      range: { from: hoursAgo(2), to: now },
      limit: 25,
    });
  });

  it('reads ISO from/to as UTC and keeps quoted values whole', () => {
    expect(parse('trail resource="my bucket" from=2024-05-01T08:00 to=2024-05-02')).toMatchObject({
      filters: { resource: 'my bucket' },
      range: { from: new Date('2024-05-01T08:00:00Z'), to: new Date('2024-05-02T00:00:00Z') },
    });
  });

  it('reads an athena template with its value', () => {
    expect(parse('athena user alice since=30d limit=50')).toMatchObject({
      kind: 'athena',
      template: 'user',
      value: 'alice',
      limit: 50,
      range: { from: hoursAgo(30 * 24), to: now },
    });
  });

  it('reads logs with an alias, a quoted query containing = and curly quotes', () => {
    expect(parse('logs etl “fields @message | filter status=500” since=6h')).toMatchObject({
      kind: 'logs',
      target: 'etl',
      logGroups: ['/aws-glue/jobs/error', '/aws-glue/jobs/output'],
      query: 'fields @message | filter status=500',
      range: { from: hoursAgo(6), to: now },
    });
    expect(parse('logs /aws/lambda/api')).toMatchObject({
      query: defaultLogsQuery,
      range: { from: hoursAgo(1) },
    });
  });

  it('keeps single quotes inside double quotes (for the resource template to quote safely)', () => {
    expect(parse(`athena resource "x' OR '1'='1"`)).toMatchObject({
      template: 'resource',
      value: "x' OR '1'='1",
    });
  });

  it.each(['', 'help'])('answers %j with help', (text) => {
    expect(parse(text)).toEqual({ kind: 'help', share: false });
  });

  it('parses alerts and mutes', () => {
    expect(parse('alerts share')).toEqual({ kind: 'alerts', share: true });
    expect(parse('mutes')).toEqual({ kind: 'mutes', share: false });
  });

  it.each([
    ['frobnicate', 'Unknown subcommand `frobnicate`.'],
    ['alerts now', 'Unexpected argument `now`.'],
    ['trail colour=red', 'Unknown option `colour=`'],
    ['trail alice', 'Unexpected argument `alice`'],
    ['trail since=2x', '`since=2x` is not a duration'],
    ['trail since=2h from=2024-05-01', 'not both'],
    ['trail from=2024-05-20T10:00Z to=2024-05-20T09:00Z', '`from` must be before `to`'],
    ['trail from=2024-02-31', 'is not an ISO time'],
    ['trail since=120d', '`trail` covers at most 90 days'],
    ['logs etl since=8d', '`logs` covers at most 7 days'],
    ['trail limit=500', 'over the maximum of 200'],
    ['trail limit=0', 'not a positive whole number'],
    ['trail user=a user=b', 'given twice'],
    ['trail readonly=maybe', 'takes true or false'],
    ['trail region=mars', 'not a region code'],
    ['athena', 'Name a query template'],
    ['athena everything', 'Unknown template `everything`'],
    [`athena user "x' OR '1'='1"`, 'is not an IAM user'],
    ['athena denied alice', 'takes no value'],
    ['logs', 'Name a log group'],
    ['logs "no such group!"', 'neither a log group name nor a known alias'],
  ])('refuses %j with a reason', (text, reason) => {
    const parsed = parse(text);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toContain(reason);
    expect(parsed.kind === 'usage-error' && parsed.usage.length).toBeGreaterThan(10);
  });

  it('honours configured ranges and limits', () => {
    const parsed = parseKlaxonCommand('logs etl since=10d', {
      ...options,
      maxRangeMs: { logs: 14 * 86_400_000 },
    });
    expect(parsed.kind).toBe('logs');
  });
});

describe('klaxonUsage', () => {
  it('lists every subcommand with an example', () => {
    const usage = klaxonUsage();
    for (const name of ['trail', 'athena', 'logs', 'alerts', 'mutes', 'help'])
      expect(usage).toContain(`/klaxon ${name}`);
    expect(usage).toContain('/klaxon trail user=alice since=2h');
  });
});

describe('parseIsoTime', () => {
  it('accepts offsets and rejects impossible days', () => {
    expect(parseIsoTime('2024-05-20T08:00:00+02:00')).toEqual(new Date('2024-05-20T06:00:00Z'));
    expect(parseIsoTime('2024-05-20 08:00')).toEqual(new Date('2024-05-20T08:00:00Z'));
    expect(parseIsoTime('yesterday')).toBeUndefined();
  });
});
