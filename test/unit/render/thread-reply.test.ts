import { describe, expect, it } from 'vitest';
import { renderBlocksAsPlainText, renderThreadReply, type ThreadReply } from '../../../src/render/index.ts';
import { buildAlert, buildView, otherUser, sampleUser } from './sample-views.ts';

const glueView = buildView(buildAlert('glueFailure'), {
  timesFired: 2,
  lastFiredAt: '2024-03-15T03:10:00.000Z',
});
const cloudwatchView = buildView(buildAlert('cloudwatchAlarm'));

const repliesByCase: Array<[string, ThreadReply, typeof glueView]> = [
  [
    'fired again with a new failed Glue run',
    {
      kind: 'fired-again',
      alert: buildAlert('glueFailure', {
        occurrence: 'jr_fedcba9876543210',
        occurredAt: '2024-03-15T03:10:00.000Z',
        fields: [{ label: 'Run id', value: 'jr_fedcba9876543210' }],
        consoleUrl:
          'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/nightly-etl/run/jr_fedcba9876543210',
        glueRun: { jobName: 'nightly-etl', jobRunId: 'jr_fedcba9876543210' },
      }),
    },
    glueView,
  ],
  [
    'recovered',
    {
      kind: 'state-changed',
      alert: buildAlert('cloudwatchAlarm', {
        state: 'recovered',
        stateLabel: 'OK',
        occurredAt: '2024-03-15T10:42:00.000Z',
        summary: 'Threshold Crossed: 1 datapoint [41.0] was not greater than the threshold (80.0).',
      }),
      previousStateLabel: 'ALARM',
    },
    cloudwatchView,
  ],
  [
    'insufficient data',
    {
      kind: 'state-changed',
      alert: buildAlert('cloudwatchAlarm', {
        state: 'insufficient',
        stateLabel: 'INSUFFICIENT_DATA',
        summary: '',
      }),
      previousStateLabel: 'ALARM',
    },
    cloudwatchView,
  ],
  ['firing again', { kind: 'state-changed', alert: buildAlert('cloudwatchAlarm') }, cloudwatchView],
  [
    'reopened after flapping',
    { kind: 'state-changed', alert: buildAlert('cloudwatchAlarm'), previousStateLabel: 'OK', reopened: true },
    cloudwatchView,
  ],
  ['acknowledged', { kind: 'acknowledged', by: sampleUser, at: '2024-03-15T10:02:00.000Z' }, cloudwatchView],
  [
    'unacknowledged',
    { kind: 'unacknowledged', by: sampleUser, at: '2024-03-15T10:03:00.000Z' },
    cloudwatchView,
  ],
  [
    'muted for 4 hours with a reason',
    {
      kind: 'muted',
      by: otherUser,
      at: '2024-03-15T10:05:00.000Z',
      until: '2024-03-15T14:05:00.000Z',
      reason: 'deploy <web> & db',
    },
    cloudwatchView,
  ],
  ['muted until resolved', { kind: 'muted', by: otherUser, at: '2024-03-15T10:05:00.000Z' }, cloudwatchView],
  [
    'unmuted',
    {
      kind: 'unmuted',
      by: otherUser,
      at: '2024-03-15T12:00:00.000Z',
      whileMuted: { notifications: 12, lastStateLabel: 'ALARM' },
    },
    cloudwatchView,
  ],
  [
    'mute expired, nothing happened',
    { kind: 'mute-expired', at: '2024-03-15T14:05:00.000Z', whileMuted: { notifications: 0 } },
    cloudwatchView,
  ],
  [
    'mute expired after one notification',
    {
      kind: 'mute-expired',
      at: '2024-03-15T14:05:00.000Z',
      whileMuted: { notifications: 1, lastStateLabel: 'OK' },
    },
    cloudwatchView,
  ],
  [
    'resolved by a user',
    { kind: 'resolved', by: sampleUser, at: '2024-03-15T10:47:00.000Z' },
    buildView(buildAlert('macie')),
  ],
  [
    'reopened by a user',
    { kind: 'reopened', by: sampleUser, at: '2024-03-15T11:00:00.000Z' },
    buildView(buildAlert('macie')),
  ],
  [
    'glue rerun started',
    {
      kind: 'rerun-started',
      by: sampleUser,
      at: '2024-03-15T02:20:00.000Z',
      jobName: 'nightly-etl',
      jobRunId: 'jr_rerun0001',
    },
    glueView,
  ],
];

describe('renderThreadReply', () => {
  it.each(repliesByCase)('renders %s', (_name, reply, view) => {
    const message = renderThreadReply(reply, view);

    expect(message).toMatchSnapshot('blocks');
    expect(renderBlocksAsPlainText(message)).toMatchSnapshot('plain text');
  });

  it.each(repliesByCase)('always sends a text fallback naming the alert: %s', (_name, reply, view) => {
    expect(renderThreadReply(reply, view).text).toContain(view.alert.title);
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [22, '22nd'],
  ])('counts a repeat as the %i-th time', (timesFired, ordinal) => {
    const alert = buildAlert('glueFailure');
    const reply = renderThreadReply({ kind: 'fired-again', alert }, buildView(alert, { timesFired }));

    expect(reply.text).toContain(`(${ordinal} time)`);
  });

  it('says what happened while muted', () => {
    const reply = renderThreadReply(
      {
        kind: 'unmuted',
        by: otherUser,
        at: '2024-03-15T12:00:00.000Z',
        whileMuted: { notifications: 12, lastStateLabel: 'ALARM' },
      },
      cloudwatchView,
    );

    expect(renderBlocksAsPlainText(reply)).toContain('12 notifications while muted, last state `ALARM`');
  });

  it('links a rerun to the Glue console, using a given URL first', () => {
    const base = {
      kind: 'rerun-started',
      by: sampleUser,
      at: '2024-03-15T02:20:00.000Z',
      jobName: 'my job/x',
      jobRunId: 'jr_9',
    } as const;

    expect(JSON.stringify(renderThreadReply(base, glueView).blocks)).toContain(
      'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/my%20job%2Fx/run/jr_9',
    );
    expect(
      JSON.stringify(renderThreadReply({ ...base, consoleUrl: 'https://example.com/run' }, glueView).blocks),
    ).toContain('<https://example.com/run|Open run in AWS Glue console>');
  });
});
