import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { AthenaQueryResult } from '../../../src/aws/athena-query.ts';
import type { TrailLookupResult } from '../../../src/aws/cloudtrail-lookup.ts';
import type { LogsQueryResult } from '../../../src/aws/logs-insights.ts';
import { parseKlaxonCommand } from '../../../src/core/commands/parse-klaxon-command.ts';
import {
  describeQueryCommand,
  renderAthenaResult,
  renderLogsResult,
  renderQueryFailure,
  renderQueryProgress,
  renderTrailResult,
  renderUsageError,
  type SlackMessage,
} from '../../../src/render/query-results.ts';

function expectWithinLimits(message: SlackMessage) {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThan(4000);
  for (const block of message.blocks) {
    if (block.type === 'section') expect((block as SectionBlock).text?.text.length).toBeLessThanOrEqual(3000);
  }
}

const allText = (message: SlackMessage) => JSON.stringify(message.blocks);

const trailResult = (count: number): TrailLookupResult => ({
  events: Array.from({ length: count }, (_, i) => ({
    eventId: `id-${i}`,
    time: new Date('2024-05-19T06:10:35Z'),
    user: 'alice',
    eventName: 'DeleteBucket',
    eventSource: 's3.amazonaws.com',
    resources: ['my-bucket'],
    sourceIp: '72.21.198.70',
    errorCode: i === 0 ? 'AccessDenied' : undefined,
    region: 'us-east-1',
    consoleUrl: `https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/id-${i}`,
  })),
  attribute: { AttributeKey: 'Username', AttributeValue: 'alice' },
  pagesRead: 2,
  eventsScanned: 100,
  truncated: true,
  cutOffByDeadline: false,
  region: 'us-east-1',
});

describe('query result rendering', () => {
  it('lists trail events compactly with console links', () => {
    const message = renderTrailResult(trailResult(2), 'CloudTrail user=alice');

    expect(allText(message)).toContain('*DeleteBucket*');
    expect(allText(message)).toContain(':x: AccessDenied');
    expect(allText(message)).toContain('|open>');
    expect(allText(message)).toContain('More events exist');
    expectWithinLimits(message);
  });

  it('stays within Block Kit limits and says what it left out', () => {
    const message = renderTrailResult(trailResult(3000), 'CloudTrail');

    expectWithinLimits(message);
    expect(allText(message)).toMatch(/… \d+ more lines not shown/);
  });

  it('renders Athena rows as a monospace table with bytes scanned and a console link', () => {
    const result: AthenaQueryResult = {
      queryExecutionId: 'q1',
      columns: ['eventtime', 'eventname'],
      rows: [['2024-05-19T06:10:35Z', 'Delete<Bucket>`&']],
      dataScannedBytes: 3_200_000,
      truncated: false,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/athena/home?region=us-east-1#/query-editor/history/q1',
    };
    const message = renderAthenaResult(result, 'Athena denied');

    expect(allText(message)).toContain('```\\neventtime             eventname');
    expect(allText(message)).toContain('Delete&lt;Bucket&gt;ˋ&amp;');
    expect(allText(message)).toContain('3.2 MB scanned');
    expectWithinLimits(message);
  });

  it('renders Logs Insights rows and statistics, truncating huge messages', () => {
    const result: LogsQueryResult = {
      queryId: 'q',
      fields: ['@timestamp', '@message'],
      rows: Array.from({ length: 200 }, () => ({
        '@timestamp': '2024-05-19 06:10:35.743',
        '@message': 'x'.repeat(5000),
      })),
      statistics: { recordsMatched: 200, recordsScanned: 5000, bytesScanned: 141 },
      consoleUrl: 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home',
    };
    const message = renderLogsResult(result, 'Logs etl');

    expectWithinLimits(message);
    expect(allText(message)).toContain('200 matched · 5000 records / 141 B scanned');
  });

  it('renders progress, failures and usage errors as short messages', () => {
    expect(
      renderQueryProgress('Athena', { state: 'RUNNING', elapsedMs: 12_000, bytesScanned: 3_200_000 }).text,
    ).toBe('Athena: :hourglass_flowing_sand: Running… 12 s, 3.2 MB scanned');
    const failure = renderQueryFailure('Athena', {
      ok: false,
      reason: 'query-failed',
      message: 'The Athena query failed: <boom>',
    });
    expect(allText(failure)).toContain(':x: The Athena query failed: &lt;boom&gt;');
    const usage = parseKlaxonCommand('trail since=5x', { now: new Date() });
    expect(usage.kind === 'usage-error' && allText(renderUsageError(usage))).toContain('is not a duration');
  });

  it('titles a command with what was asked', () => {
    const command = parseKlaxonCommand('trail user=alice since=2h', {
      now: new Date('2024-05-20T12:00:00Z'),
    });
    expect(command.kind !== 'usage-error' && describeQueryCommand(command)).toBe(
      'CloudTrail user=alice · 2024-05-20 10:00:00Z → 2024-05-20 12:00:00Z',
    );
  });
});
