import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertView } from '../../../src/model/alert-view.ts';
import { renderAlertMessage, renderBlocksAsPlainText } from '../../../src/render/index.ts';
import { buildAlert, buildView } from './sample-views.ts';

const fieldsOf = (blocks: KnownBlock[]) =>
  blocks.flatMap((block) => (block.type === 'section' ? ((block as SectionBlock).fields ?? []) : []));
const buttonsOf = (blocks: KnownBlock[]) =>
  blocks
    .flatMap((block) => (block.type === 'actions' ? (block as ActionsBlock).elements : []))
    .filter((element): element is Button => element.type === 'button');

const alarm = buildAlert('cloudwatchAlarm', {
  headline: { text: 'CPUUtilization 97.3 > 80 for 3 datapoints', since: '2024-03-15T09:45:00.000Z' },
  fields: [
    { label: 'State', value: 'OK → ALARM' },
    { label: 'Metric', value: 'AWS/EC2 CPUUtilization' },
    { label: 'Dimensions', value: 'InstanceId=i-0123456789abcdef0' },
    { label: 'Statistic', value: 'Average over 300s' },
    { label: 'Threshold', value: 'GreaterThanThreshold 80' },
    { label: 'Evaluation', value: '3 period(s)' },
    { label: 'Description', value: 'CPU of the web tier' },
    { label: 'Region', value: 'US East (N. Virginia) (us-east-1)' },
  ],
});

const glueFailure = buildAlert('glueFailure', {
  headline: { text: 'Failed: AnalysisException: Path does not exist' },
  logsUrl: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups',
  fields: [
    { label: 'Job', value: 'nightly-etl' },
    { label: 'Run', value: 'jr_0123456789abcdef' },
    { label: 'State', value: 'FAILED' },
    { label: 'Glue severity', value: 'ERROR' },
  ],
});

function resolvedGlue(): AlertView {
  const success: NormalizedAlert = {
    ...glueFailure,
    state: 'recovered',
    stateLabel: 'SUCCEEDED',
    summary: 'Job run succeeded',
    headline: { text: 'Job run succeeded' },
    occurrence: 'jr_fedcba9876543210',
    fields: [
      { label: 'Job', value: 'nightly-etl' },
      { label: 'Run', value: 'jr_fedcba9876543210' },
      { label: 'State', value: 'SUCCEEDED' },
      { label: 'Glue severity', value: 'INFO' },
    ],
  };
  return buildView(success, {
    status: 'resolved',
    resolvedBy: 'event',
    resolvedAt: '2024-03-15T02:40:00.000Z',
    firstFiredAt: '2024-03-15T02:10:00.000Z',
    lastFailure: {
      stateLabel: 'FAILED',
      summary: glueFailure.summary,
      headline: { text: 'Failed: AnalysisException: Path does not exist' },
      occurrence: 'jr_0123456789abcdef',
      at: '2024-03-15T02:10:00.000Z',
    },
  });
}

describe('the compact root of an alert', () => {
  it('says what is happening in one line: value against threshold, since when, for how long', () => {
    const message = renderAlertMessage(buildView(alarm));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('CPUUtilization 97.3 &gt; 80 for 3 datapoints');
    expect(text).toMatch(/since <!date\^1710495900\^\{time\}\|09:45 UTC>, 15 min/);
    // The raw NewStateReason is one click away, not in the root.
    expect(text).not.toContain('Threshold Crossed');
  });

  it('keeps at most 6 fields, none repeating the resource, the state or a second severity', () => {
    for (const alert of [alarm, glueFailure]) {
      const labels = fieldsOf(renderAlertMessage(buildView(alert)).blocks).map((f) => f.text.split('\n')[0]);
      expect(labels.length).toBeLessThanOrEqual(6);
      expect(labels).not.toContain('*Metric*');
      expect(labels).not.toContain('*Dimensions*');
      expect(labels).not.toContain('*Job*');
      expect(labels).not.toContain('*State*');
      expect(labels).not.toContain('*Glue severity*');
    }
  });

  it("fills the six in order, and a later field with a key field's label still takes its place", () => {
    const fields = fieldsOf(renderAlertMessage(buildView(alarm)).blocks).map((f) => f.text);
    expect(fields.map((text) => text.split('\n')[0])).toEqual([
      '*Account*',
      '*Region*',
      '*Resource*',
      '*Fired*',
      '*Statistic*',
      '*Threshold*',
    ]);
    // The alarm's Region field comes after the six are full: it still replaces the key field's bare code.
    expect(fields[1]).toBe('*Region*\nUS East (N. Virginia) (us-east-1)');
  });

  it('offers the details, the console, the logs and the runbook as buttons', () => {
    const buttons = buttonsOf(renderAlertMessage(buildView(glueFailure, { rerunOffered: true })).blocks);
    expect(buttons.map((b) => b.text.text)).toEqual(
      expect.arrayContaining(['Details', 'Open in console', 'Logs', 'Rerun Glue job']),
    );
    expect(buttons.find((b) => b.text.text === 'Logs')?.url).toBe(glueFailure.logsUrl);
    const runbook = buttonsOf(renderAlertMessage(buildView(alarm)).blocks).find(
      (b) => b.text.text === 'Runbook',
    );
    expect(runbook?.url).toBe(alarm.runbookUrl);
  });

  it('shows Rerun only where the configuration lets someone use it', () => {
    const buttons = buttonsOf(renderAlertMessage(buildView(glueFailure)).blocks);
    expect(buttons.map((b) => b.action_id)).not.toContain('klaxon_rerun_glue');
  });

  it('colours a firing alert by its severity', () => {
    const header = (severity: 'critical' | 'low') =>
      renderBlocksAsPlainText(renderAlertMessage(buildView(buildAlert('macie', { severity })))).split(
        '\n',
      )[0];
    expect(header).toBeDefined();
    expect(header('critical')).toContain('🔴');
    expect(header('low')).toContain('🔵');
  });
});

describe('the resolved root', () => {
  it('keeps what failed and which run, and when it recovered', () => {
    const text = renderBlocksAsPlainText(renderAlertMessage(resolvedGlue()));
    expect(text).toContain('Failed: AnalysisException: Path does not exist — recovered');
    expect(text).toContain('jr_0123456789abcdef');
  });

  it('shows no severity on a green message', () => {
    const text = renderBlocksAsPlainText(renderAlertMessage(resolvedGlue()));
    expect(text).toContain('🟢');
    expect(text).not.toMatch(/Severity|High/);
  });
});
