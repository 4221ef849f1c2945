import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../src/model/alert-view.ts';
import { AlertActionIds, parseRerunValue, renderAlertMessage } from '../../../src/render/index.ts';
import { buildAlert, buildView, sampleUser } from './sample-views.ts';

function findActions(blocks: KnownBlock[]): ActionsBlock | undefined {
  return blocks.find((block): block is ActionsBlock => block.type === 'actions');
}

function listActionIds(view: AlertView): string[] {
  return (
    findActions(renderAlertMessage(view).blocks)?.elements.map((element) => element.action_id ?? '') ?? []
  );
}

describe('alert action buttons', () => {
  it('offers Acknowledge, then Unacknowledge once acknowledged', () => {
    const open = buildView(buildAlert('cloudwatchAlarm'));
    const acknowledged = { ...open, acknowledged: { ...sampleUser, at: '2024-03-15T10:02:00.000Z' } };

    expect(listActionIds(open)).toContain(AlertActionIds.acknowledge);
    expect(listActionIds(open)).not.toContain(AlertActionIds.unacknowledge);
    expect(listActionIds(acknowledged)).toContain(AlertActionIds.unacknowledge);
    expect(listActionIds(acknowledged)).not.toContain(AlertActionIds.acknowledge);
  });

  it('offers the Mute menu, then Unmute once muted', () => {
    const open = buildView(buildAlert('cloudwatchAlarm'));
    const muted = { ...open, mute: { ...sampleUser, at: '2024-03-15T10:02:00.000Z' } };

    expect(listActionIds(open)).toContain(AlertActionIds.mute);
    expect(listActionIds(open)).not.toContain(AlertActionIds.unmute);
    expect(listActionIds(muted)).toContain(AlertActionIds.unmute);
    expect(listActionIds(muted)).not.toContain(AlertActionIds.mute);
  });

  it('offers Rerun only for an open alert with a failed Glue run, behind a confirmation', () => {
    const glue = buildView(buildAlert('glueFailure'), { rerunOffered: true });
    const rerun = findActions(renderAlertMessage(glue).blocks)?.elements.find(
      (element): element is Button => element.action_id === AlertActionIds.rerunGlueJob,
    );

    expect(rerun?.confirm?.confirm?.text).toBe('Rerun');
    expect(parseRerunValue(rerun?.value ?? '')).toEqual({
      ok: true,
      value: { alertId: glue.alertId, jobName: 'nightly-etl', jobRunId: 'jr_0123456789abcdef' },
    });
    expect(listActionIds({ ...glue, status: 'resolved', resolvedBy: 'event' })).not.toContain(
      AlertActionIds.rerunGlueJob,
    );
    for (const name of ['cloudwatchAlarm', 'macie', 'emrFailure', 'generic'] as const) {
      expect(listActionIds(buildView(buildAlert(name)))).not.toContain(AlertActionIds.rerunGlueJob);
    }
  });

  it('offers Rerun for a firing alarm mapped to a Glue job, for its latest failed run', () => {
    const mapped = buildView(buildAlert('cloudwatchAlarm', { glueJob: { jobName: 'nightly-etl' } }), {
      rerunOffered: true,
    });
    const rerun = findActions(renderAlertMessage(mapped).blocks)?.elements.find(
      (element): element is Button => element.action_id === AlertActionIds.rerunGlueJob,
    );

    expect(rerun?.confirm?.confirm?.text).toBe('Rerun');
    expect(rerun?.confirm?.text.text).toMatch(/latest failed run/);
    expect(parseRerunValue(rerun?.value ?? '')).toEqual({
      ok: true,
      value: { alertId: mapped.alertId, jobName: 'nightly-etl' },
    });
    const recovered = { ...mapped.alert, state: 'recovered' as const, stateLabel: 'OK' };
    const noData = { ...mapped.alert, state: 'insufficient' as const, stateLabel: 'INSUFFICIENT_DATA' };
    expect(listActionIds({ ...mapped, alert: noData })).not.toContain(AlertActionIds.rerunGlueJob);
    expect(listActionIds({ ...mapped, alert: recovered, status: 'resolved', resolvedBy: 'event' })).toEqual([
      AlertActionIds.details,
    ]);
    expect(listActionIds(buildView(buildAlert('cloudwatchAlarm')))).not.toContain(
      AlertActionIds.rerunGlueJob,
    );
  });

  it('offers Resolve only for open alerts no event will resolve', () => {
    expect(listActionIds(buildView(buildAlert('macie')))).toContain(AlertActionIds.resolve);
    expect(listActionIds(buildView(buildAlert('emrFailure')))).toContain(AlertActionIds.resolve);
    expect(listActionIds(buildView(buildAlert('generic')))).toContain(AlertActionIds.resolve);
    expect(listActionIds(buildView(buildAlert('cloudwatchAlarm')))).not.toContain(AlertActionIds.resolve);
    expect(listActionIds(buildView(buildAlert('glueFailure')))).not.toContain(AlertActionIds.resolve);
  });

  it('offers only Reopen (and Details) after a person resolved it, and only Details after an event did', () => {
    const macie = buildView(buildAlert('macie'));
    const resolvedAt = '2024-03-15T11:00:00.000Z';

    expect(listActionIds({ ...macie, status: 'resolved', resolvedBy: sampleUser, resolvedAt })).toEqual([
      AlertActionIds.reopen,
      AlertActionIds.details,
    ]);
    expect(listActionIds({ ...macie, status: 'resolved', resolvedBy: 'event', resolvedAt })).toEqual([
      AlertActionIds.details,
    ]);
  });

  it('keeps action ids stable', () => {
    expect(AlertActionIds).toMatchInlineSnapshot(`
      {
        "acknowledge": "klaxon_ack",
        "addNote": "klaxon_note",
        "details": "klaxon_details",
        "mute": "klaxon_mute",
        "reopen": "klaxon_reopen",
        "rerunGlueJob": "klaxon_rerun_glue",
        "resolve": "klaxon_resolve",
        "unacknowledge": "klaxon_unack",
        "unmute": "klaxon_unmute",
      }
    `);
  });
});
