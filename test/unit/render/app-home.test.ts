import { describe, expect, it } from 'vitest';
import { renderAppHome } from '../../../src/render/app-home.ts';
import { renderMuteModal } from '../../../src/render/mute-modal.ts';
import { renderBlocksAsPlainText } from '../../../src/render/plain-text.ts';
import { alice, sampleMute, sampleRecord, t0 } from '../buttons/sample-record.ts';

describe('renderAppHome', () => {
  it('lists open alerts, active mutes and the viewer’s recent actions', () => {
    const view = renderAppHome({
      openAlerts: [sampleRecord({ acknowledged: { ...alice, at: t0.toISOString() } })],
      activeMutes: [sampleMute({ reason: 'deploy <window>' })],
      recentActions: [
        {
          id: 'a1',
          at: t0.toISOString(),
          actor: alice,
          action: 'acknowledge',
          alertId: 'alert-1',
          params: {},
          result: 'ok',
        },
      ],
      now: t0,
    });
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Open alerts (1)');
    expect(text).toContain('Active mutes (1)');
    expect(text).toContain('deploy &lt;window&gt;');
    expect(text).toContain('*acknowledge* Bucket is public');
    expect(renderBlocksAsPlainText({ blocks: view.blocks })).toMatchSnapshot();
  });

  it('names alerts that are no longer open or muted by their title, not their id', () => {
    const action = {
      id: 'a2',
      at: t0.toISOString(),
      actor: alice,
      action: 'resolve',
      alertId: 'gone-1',
      params: {},
      result: 'ok' as const,
    };
    const withTitle = renderAppHome({
      openAlerts: [],
      activeMutes: [],
      recentActions: [action],
      otherTitles: { 'gone-1': 'Nightly ETL' },
      now: t0,
    });
    expect(JSON.stringify(withTitle.blocks)).toContain('*resolve* Nightly ETL');
    const withoutTitle = renderAppHome({ openAlerts: [], activeMutes: [], recentActions: [action], now: t0 });
    expect(JSON.stringify(withoutTitle.blocks)).toContain('`gone-1`');
  });

  it('says so when lists are empty and stays within 100 blocks when they are long', () => {
    const empty = renderAppHome({ openAlerts: [], activeMutes: [], recentActions: [], now: t0 });
    expect(JSON.stringify(empty.blocks)).toContain('No open alerts.');
    const many = Array.from({ length: 200 }, (_, i) => sampleRecord({ alertId: `a${i}` }));
    const full = renderAppHome({ openAlerts: many, activeMutes: [], recentActions: [], now: t0 });
    expect(full.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(full.blocks)).toContain('…and 175 more');
  });
});

describe('renderMuteModal', () => {
  it('asks for a duration and a reason, carrying the alert id', () => {
    const modal = renderMuteModal({ alertId: 'alert-1', title: 'Bucket is public' });
    expect(modal).toMatchObject({ callback_id: 'klaxon_mute_custom', private_metadata: 'alert-1' });
    expect(modal.blocks.map((block) => block.block_id)).toEqual([undefined, 'mute_duration', 'mute_reason']);
  });
});

describe('renderAppHome with silences', () => {
  it('lists active silences with what they match, who set them, until when and why', () => {
    const view = renderAppHome({
      openAlerts: [],
      activeMutes: [],
      recentActions: [],
      activeSilences: [
        {
          silenceId: '0b1c2d3e-0000-4000-8000-000000000001',
          kind: 'silence',
          matchers: { name: 'etl-*', severity: ['low', 'medium'] },
          startsAt: t0.toISOString(),
          endsAt: new Date(t0.getTime() + 7_200_000).toISOString(),
          reason: 'loader <migration>',
          by: alice,
          channel: 'C0ALERTS',
          status: 'active',
        },
      ],
      now: t0,
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Active silences (1)');
    expect(text).toContain('name=etl-* severity=low,medium');
    expect(text).toContain('loader &lt;migration&gt;');
    expect(text).toContain('<@U0ALICE>');
  });

  it('says when nothing is silenced', () => {
    const view = renderAppHome({
      openAlerts: [],
      activeMutes: [],
      recentActions: [],
      activeSilences: [],
      now: t0,
    });
    expect(JSON.stringify(view.blocks)).toContain('Nothing is silenced.');
  });
});
