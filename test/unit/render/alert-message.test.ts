import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../src/model/alert-view.ts';
import { renderAlertMessage, renderBlocksAsPlainText } from '../../../src/render/index.ts';
import { buildAlert, buildView, otherUser, sampleUser } from './sample-views.ts';

const cloudwatchFiring = buildView(buildAlert('cloudwatchAlarm'));
const cloudwatchResolved = buildView(
  buildAlert('cloudwatchAlarm', { state: 'recovered', stateLabel: 'OK' }),
  {
    status: 'resolved',
    resolvedBy: 'event',
    resolvedAt: '2024-03-15T10:42:00.000Z',
    lastFiredAt: '2024-03-15T10:20:00.000Z',
    timesFired: 3,
  },
);
const insufficient = buildView(
  buildAlert('cloudwatchAlarm', {
    state: 'insufficient',
    stateLabel: 'INSUFFICIENT_DATA',
    severity: 'low',
    summary: 'Insufficient Data: 1 datapoint was unknown.',
  }),
);

const viewsByCase: Array<[string, AlertView]> = [
  ['cloudwatch alarm firing', cloudwatchFiring],
  [
    'cloudwatch alarm firing repeatedly, acknowledged',
    buildView(buildAlert('cloudwatchAlarm'), {
      timesFired: 4,
      lastFiredAt: '2024-03-15T11:12:00.000Z',
      acknowledged: { ...sampleUser, at: '2024-03-15T10:02:00.000Z' },
    }),
  ],
  ['cloudwatch alarm insufficient data', insufficient],
  [
    'cloudwatch alarm muted for 4 hours',
    buildView(buildAlert('cloudwatchAlarm'), {
      mute: {
        ...sampleUser,
        at: '2024-03-15T10:05:00.000Z',
        until: '2024-03-15T14:05:00.000Z',
        reason: 'deploy <in progress>',
      },
    }),
  ],
  ['cloudwatch alarm resolved by recovery', cloudwatchResolved],
  ['macie finding open', buildView(buildAlert('macie'))],
  [
    'macie finding muted until resolved',
    buildView(buildAlert('macie'), { mute: { ...otherUser, at: '2024-03-15T10:06:00.000Z' } }),
  ],
  [
    'macie finding resolved by a user',
    buildView(buildAlert('macie'), {
      status: 'resolved',
      resolvedBy: sampleUser,
      resolvedAt: '2024-03-15T11:17:00.000Z',
      acknowledged: { ...otherUser, at: '2024-03-15T10:10:00.000Z' },
    }),
  ],
  ['glue job failed', buildView(buildAlert('glueFailure'))],
  [
    'glue job failed and rerun four times',
    buildView(buildAlert('glueFailure'), {
      acknowledged: { ...sampleUser, at: '2024-03-15T02:15:00.000Z' },
      reruns: [1, 2, 3, 4].map((n) => ({
        ...sampleUser,
        jobName: 'nightly-etl',
        jobRunId: `jr_rerun${n}`,
        at: `2024-03-15T0${2 + n}:20:00.000Z`,
      })),
    }),
  ],
  ['emr step failed', buildView(buildAlert('emrFailure'), { mentions: ['<@U0999ZZZZ>'] })],
  ['generic sns notification', buildView(buildAlert('generic'), { mentions: [] })],
];

function findSections(blocks: KnownBlock[]): SectionBlock[] {
  return blocks.filter((block): block is SectionBlock => block.type === 'section');
}

function collectMrkdwn(blocks: KnownBlock[]): string {
  return JSON.stringify(blocks);
}

describe('renderAlertMessage', () => {
  it.each(viewsByCase)('renders %s', (_name, view) => {
    const message = renderAlertMessage(view);

    expect(message).toMatchSnapshot('blocks');
    expect(renderBlocksAsPlainText(message)).toMatchSnapshot('plain text');
  });

  it.each(viewsByCase)('always sends a non-empty text fallback: %s', (_name, view) => {
    const message = renderAlertMessage(view);

    expect(message.text.trim()).not.toBe('');
    expect(message.text).toContain(view.alert.title.slice(0, 10));
  });

  it('shows the state emoji in the header (a firing alarm is high: orange)', () => {
    expect(renderAlertMessage(cloudwatchFiring).blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🟠 HighCPU-web' },
    });
    expect(renderAlertMessage(cloudwatchResolved).blocks[0]).toMatchObject({
      text: { text: '🟢 HighCPU-web' },
    });
    expect(renderAlertMessage(insufficient).blocks[0]).toMatchObject({ text: { text: '🟡 HighCPU-web' } });
  });

  it('mentions only while firing, unmuted and open', () => {
    const muted = { ...cloudwatchFiring, mute: { ...sampleUser, at: '2024-03-15T10:05:00.000Z' } };

    expect(renderAlertMessage(cloudwatchFiring).text).toMatch(/^<!here> <!subteam\^S0123ABCD> /);
    expect(collectMrkdwn(renderAlertMessage(cloudwatchFiring).blocks)).toContain('<!here>');
    for (const view of [muted, cloudwatchResolved, { ...insufficient }]) {
      const message = renderAlertMessage(view);
      expect(message.text).not.toContain('<!here>');
      expect(collectMrkdwn(message.blocks)).not.toContain('<!here>');
    }
  });

  it('drops mentions that are not Slack mention syntax', () => {
    const view = { ...cloudwatchFiring, mentions: ['@here', '<!channel>', '<https://evil.example|click>'] };

    expect(renderAlertMessage(view).text).toMatch(/^<!channel> 🟠/);
  });

  it('says how long a resolved alert lasted', () => {
    const section = findSections(renderAlertMessage(cloudwatchResolved).blocks)[0];

    expect(section?.text?.text).toContain('*Resolved after 42 min*');
  });

  it('escapes AWS-provided text in mrkdwn', () => {
    const macie = JSON.stringify(renderAlertMessage(buildView(buildAlert('macie'))));
    const generic = renderAlertMessage(buildView(buildAlert('generic')));

    expect(macie).toContain('s3://my-bucket/customers/export &lt;2024&gt;.csv');
    expect(macie).toContain('personal information &amp; financial information');
    expect(generic.text).toContain('&lt;disk full&gt;');
  });

  it('renders times as Slack date tokens with an ISO fallback', () => {
    const blocks = JSON.stringify(renderAlertMessage(cloudwatchFiring).blocks);

    expect(blocks).toContain('<!date^1710496800^{date_short_pretty} {time}|2024-03-15T10:00:00.000Z>');
  });

  it('links only to http(s) URLs', () => {
    const alert = buildAlert('cloudwatchAlarm', { consoleUrl: 'javascript:alert(1)', runbookUrl: undefined });
    const blocks = JSON.stringify(renderAlertMessage(buildView(alert)).blocks);

    expect(blocks).not.toContain('Open in console');
    expect(blocks).not.toContain('javascript:');
  });

  it('puts link URLs in URL buttons as they are (a button URL is not mrkdwn)', () => {
    const blocks = JSON.stringify(renderAlertMessage(cloudwatchFiring).blocks);

    expect(blocks).toContain('"url":"https://wiki.example.com/runbooks/high-cpu?team=web&env=prod"');
  });
});

describe('renderAlertMessage with a raw JSON summary', () => {
  it('shows it as a code block that stays closed when cut', () => {
    const summary = JSON.stringify({ detail: 'x'.repeat(5000), html: '<b>' }, null, 2);
    const message = renderAlertMessage(buildView(buildAlert('generic', { summary })));
    const text =
      message.blocks.find(
        (block): block is SectionBlock => block.type === 'section' && !!block.text?.text.startsWith('```'),
      )?.text?.text ?? '';

    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('… (truncated)\n```')).toBe(true);
  });
});

describe('the root message colour of a firing alert', () => {
  const headerOf = (view: AlertView) => JSON.stringify(renderAlertMessage(view).blocks[0]);

  it.each([
    ['critical', '🔴'],
    ['high', '🟠'],
    ['medium', '🟡'],
    ['low', '🔵'],
    ['info', '⚪'],
  ] as const)('shows a firing %s alert as %s, in the header and the status line', (severity, emoji) => {
    // Prepare
    const view = buildView(buildAlert('macie', { severity }));

    // Act
    const message = renderAlertMessage(view);

    // Assess
    expect(headerOf(view)).toContain(`${emoji} `);
    expect(JSON.stringify(message.blocks)).toContain(`${emoji} *Firing`);
    expect(message.text).toContain(`${emoji} Firing`);
  });

  it('keeps green for a resolved alert and the bell for a muted one, whatever the severity', () => {
    // Prepare
    const resolved = buildView(buildAlert('macie', { severity: 'critical' }), {
      status: 'resolved',
      resolvedBy: 'event',
      resolvedAt: '2024-03-15T10:10:00.000Z',
    });
    const muted = buildView(buildAlert('macie', { severity: 'critical' }), {
      mute: { ...otherUser, at: '2024-03-15T10:06:00.000Z' },
    });

    // Act
    const headers = [headerOf(resolved), headerOf(muted)];

    // Assess
    expect(headers[0]).toContain('🟢 ');
    expect(headers[1]).toContain('🔕 ');
  });
});
