import type { ActionsBlock, Button, HeaderBlock, KnownBlock, SectionBlock, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  BlockKitLimits,
  enforceMessageLimits,
  renderAlertDetails,
  renderAlertMessage,
  renderThreadReply,
  TruncationMarker,
  truncateText,
} from '../../../src/render/index.ts';
import { buildAlert, buildView } from './sample-views.ts';

const longReason = 'Threshold crossed. '.repeat(600).slice(0, 10_000);

function findSections(blocks: KnownBlock[]): SectionBlock[] {
  return blocks.filter((block): block is SectionBlock => block.type === 'section');
}

function findActions(blocks: KnownBlock[]): ActionsBlock | undefined {
  return blocks.find((block): block is ActionsBlock => block.type === 'actions');
}

describe('truncateText', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateText('short', 10)).toBe('short');
  });

  it('cuts to the limit and ends visibly', () => {
    const cut = truncateText('x'.repeat(100), 50);

    expect(cut).toHaveLength(50);
    expect(cut.endsWith(TruncationMarker)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateText('🔥'.repeat(40), 20);

    expect(cut).toBe(`${'🔥'.repeat(3)}${TruncationMarker}`);
  });

  it('backs off from a mrkdwn token or entity it would cut in half', () => {
    const link = `${'a'.repeat(30)} <https://example.com/${'p'.repeat(40)}|label>`;
    const entity = `${'a'.repeat(35)}&amp;bbbbbbbbbbbbbbbbbbbbbbbbb`;

    expect(truncateText(link, 60, 'mrkdwn')).toBe(`${'a'.repeat(30)} ${TruncationMarker}`);
    expect(truncateText(entity, 50, 'mrkdwn')).toBe(`${'a'.repeat(35)}${TruncationMarker}`);
  });
});

describe('enforceMessageLimits through the renderers', () => {
  it('cuts a 10,000-character reason to one short line in the root, and within the limit in Details', () => {
    const view = buildView(buildAlert('cloudwatchAlarm', { summary: longReason }));
    const message = renderAlertMessage(view);
    const reason = findSections(message.blocks).find((section) => section.text?.text.startsWith('Threshold'));
    const details = findSections(renderAlertDetails(view).blocks).find((section) =>
      section.text?.text.startsWith('*Reason*'),
    );

    expect(reason?.text?.text.length).toBeLessThanOrEqual(300);
    expect(reason?.text?.text.endsWith('…')).toBe(true);
    expect(details?.text?.text).toHaveLength(BlockKitLimits.sectionText);
    expect(details?.text?.text.endsWith(TruncationMarker)).toBe(true);
    expect(message.text.length).toBeLessThan(4000);
    expect(message.text.endsWith(TruncationMarker)).toBe(true);
  });

  it('truncates a long title in the plain_text header to 150 characters', () => {
    const message = renderAlertMessage(buildView(buildAlert('generic', { title: 'T'.repeat(400) })));
    const header = message.blocks[0] as HeaderBlock;

    expect(header.text.text).toHaveLength(BlockKitLimits.headerText);
    expect(header.text.text.endsWith(TruncationMarker)).toBe(true);
  });

  it('splits 60 fields into sections of at most 10, within 50 blocks (Details)', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i}` }));
    const message = renderAlertDetails(buildView(buildAlert('generic', { fields })));
    const fieldCounts = findSections(message.blocks).map((section) => section.fields?.length ?? 0);

    expect(message.blocks.length).toBeLessThanOrEqual(BlockKitLimits.blocksPerMessage);
    expect(Math.max(...fieldCounts)).toBeLessThanOrEqual(BlockKitLimits.fieldsPerSection);
    expect(fieldCounts.reduce((a, b) => a + b, 0)).toBe(60 + 1); // + the "Fired" field
  });

  it('keeps 50 blocks at most, with a visible notice (Details)', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => ({ label: `F${i}`, value: `${i}` }));
    const message = renderAlertDetails(buildView(buildAlert('macie', { fields })));

    expect(message.blocks).toHaveLength(BlockKitLimits.blocksPerMessage);
    expect(JSON.stringify(message.blocks)).toContain('more blocks not shown… (truncated)');
  });

  it('keeps the root to six fields however many the source gives, with the actions after them', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => ({ label: `F${i}`, value: `${i}` }));
    const message = renderAlertMessage(buildView(buildAlert('macie', { fields })));
    const shown = findSections(message.blocks).flatMap((section) => section.fields ?? []);

    expect(shown).toHaveLength(6);
    expect(message.blocks.map((block) => block.type).slice(-2)).toEqual(['actions', 'actions']);
  });

  it('truncates each field to 2,000 characters', () => {
    const message = renderAlertMessage(
      buildView(buildAlert('generic', { fields: [{ label: 'Detail', value: 'd'.repeat(5000) }] })),
    );
    const field = findSections(message.blocks)
      .flatMap((section) => section.fields ?? [])
      .find((f) => f.text.startsWith('*Detail*'));

    expect(field?.text).toHaveLength(BlockKitLimits.fieldText);
    expect(field?.text.endsWith(TruncationMarker)).toBe(true);
  });

  it('limits button text, button values and option values', () => {
    const button: Button = {
      type: 'button',
      action_id: 'b',
      text: { type: 'plain_text', text: 'B'.repeat(100) },
      value: 'v'.repeat(3000),
    };
    const select: StaticSelect = {
      type: 'static_select',
      action_id: 's',
      options: [{ text: { type: 'plain_text', text: 'o'.repeat(100) }, value: 'x'.repeat(300) }],
    };
    const limited = enforceMessageLimits({
      text: 't',
      blocks: [{ type: 'actions', elements: [button, select] }],
    });
    const [limitedButton, limitedSelect] = (findActions(limited.blocks)?.elements ?? []) as [
      Button,
      StaticSelect,
    ];

    expect(limitedButton.text.text).toHaveLength(BlockKitLimits.buttonText);
    expect(limitedButton.value).toHaveLength(BlockKitLimits.buttonValue);
    expect(limitedSelect.options?.[0]?.text.text).toHaveLength(BlockKitLimits.optionText);
    expect(limitedSelect.options?.[0]?.value).toHaveLength(BlockKitLimits.optionValue);
  });

  it('keeps the rerun confirmation within its 300 characters for a 255-character job name', () => {
    const jobName = 'j'.repeat(255);
    const alert = buildAlert('glueFailure', { glueRun: { jobName, jobRunId: 'jr_1' } });
    const rerun = findActions(
      renderAlertMessage(buildView(alert, { rerunOffered: true })).blocks,
    )?.elements.find((element) => element.action_id === 'klaxon_rerun_glue') as Button;

    expect(rerun.confirm?.text.text.length).toBeLessThanOrEqual(BlockKitLimits.confirmText);
    expect(rerun.value?.length).toBeLessThanOrEqual(BlockKitLimits.buttonValue);
  });

  it('always sends a text fallback, even when given none', () => {
    expect(enforceMessageLimits({ text: '  ', blocks: [] }).text).toBe('Klaxon alert');
  });

  it('limits thread replies too', () => {
    const alert = buildAlert('glueFailure', { summary: longReason });
    const reply = renderThreadReply({ kind: 'fired-again', alert }, buildView(alert, { timesFired: 2 }));

    expect(findSections(reply.blocks)[0]?.text?.text).toHaveLength(BlockKitLimits.sectionText);
    expect(reply.text.length).toBeLessThan(4000);
  });
});

describe('enforceMessageLimits on a message within every limit', () => {
  it('hands back the very blocks it was given: checking limits copies nothing that needs no cut', () => {
    const alert = buildAlert('glueFailure');
    const unlimited = renderAlertMessage(buildView(alert, { rerunOffered: true }));
    const limited = enforceMessageLimits(unlimited);

    expect(limited).toEqual(unlimited);
    limited.blocks.forEach((block, index) => {
      expect(block).toBe(unlimited.blocks[index]);
    });
  });
});
