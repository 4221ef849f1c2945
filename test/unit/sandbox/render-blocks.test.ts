import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { renderBlocks } from '../../../src/sandbox/page/render-blocks.ts';
import { renderTimeline } from '../../../src/sandbox/page/render-timeline.ts';

const context = { users: {}, timeZone: 'UTC' };
const attack = '<img src=x onerror=alert(1)>';

describe('renderBlocks', () => {
  it('draws header, section text and fields, context and divider', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: '🔴 CPU *high*' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Firing*' },
          fields: [{ type: 'mrkdwn', text: '*Account*\n123' }],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '_note_' }] },
        { type: 'divider' },
      ],
      context,
    );
    expect(html).toBe(
      '<div class="bk-header">🔴 CPU *high*</div>' +
        '<div class="bk-section"><div class="bk-section-body"><div class="bk-text"><b>Firing</b></div>' +
        '<div class="bk-fields"><div class="bk-field-text"><b>Account</b><br>123</div></div></div></div>' +
        '<div class="bk-context"><span><i>note</i></span></div>' +
        '<hr class="bk-divider">',
    );
  });

  it('marks each interactive element with its block and element index', () => {
    const html = renderBlocks(
      [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'x' },
          accessory: { type: 'button', text: { type: 'plain_text', text: 'Go' } },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'klaxon_ack',
              style: 'primary',
              text: { type: 'plain_text', text: 'Acknowledge' },
            },
            {
              type: 'static_select',
              placeholder: { type: 'plain_text', text: 'Mute…' },
              options: [{ text: { type: 'plain_text', text: '1 hour' }, value: '1h|a' }],
            },
            { type: 'overflow', options: [{ text: { type: 'plain_text', text: 'More' }, value: 'm' }] },
          ],
        },
      ],
      context,
    );
    expect(html).toContain('data-block-index="0" data-element="accessory">Go</button>');
    expect(html).toContain(
      'class="bk-button bk-primary" data-kind="action" data-block-index="1" data-element="0">Acknowledge',
    );
    expect(html).toContain(
      'data-block-index="1" data-element="1"><option value="" selected disabled>Mute…</option><option value="1h|a">1 hour</option>',
    );
    expect(html).toContain('data-block-index="1" data-element="2" data-value="m">More</button>');
  });

  it('escapes every text and attribute it draws', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: attack } },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: attack }, url: 'https://x.test/"><b>' },
          ],
        },
        { type: 'image', image_url: 'https://x.test/a.png"onload="x', alt_text: attack },
        { type: attack },
      ],
      context,
    );
    expect(html).not.toMatch(/<img src=x|<b>|"onload="/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws only web images', () => {
    const html = renderBlocks(
      [{ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'graph' }],
      context,
    );
    expect(html).toContain('<span class="bk-image-missing">graph</span>');
    expect(html).not.toContain('javascript:');
  });

  it('draws input blocks with their ids, required mark and an error slot', () => {
    const html = renderBlocks(
      [
        {
          type: 'input',
          block_id: 'mute_duration',
          label: { type: 'plain_text', text: 'For how long' },
          element: {
            type: 'plain_text_input',
            action_id: 'duration',
            placeholder: { type: 'plain_text', text: '2h' },
          },
        },
        {
          type: 'input',
          optional: true,
          label: { type: 'plain_text', text: 'Why' },
          element: { type: 'plain_text_input', multiline: true },
        },
      ],
      context,
    );
    expect(html).toContain('data-block-id="mute_duration" data-required="true"');
    expect(html).toContain(
      '<input type="text" class="bk-field" data-input-block="mute_duration" data-input-action="duration" placeholder="2h" value="">',
    );
    expect(html).toContain('data-input-block="block-1" data-input-action="action-1"');
    expect(html).toContain('<textarea');
    expect(html).toContain('<div class="bk-error" role="alert"></div>');
  });
});

describe('renderTimeline', () => {
  const message = (ts: string, text: string, extra: Partial<StoredMessage> = {}): StoredMessage => ({
    channel: 'C0ALERTS',
    ts,
    text,
    user: 'U0KLAXONBOT',
    bot_id: 'B0KLAXONBOT',
    replies: [],
    ...extra,
  });

  it('interleaves ephemerals by time, marks them, and opens threads on demand', () => {
    const reply = message('3.0', 'reply', { thread_ts: '1.0' });
    const channel = {
      id: 'C0ALERTS',
      name: 'alerts',
      messages: [message('1.0', 'root', { thread_ts: '1.0', replies: [reply] })],
    };
    const ephemeral = { channel: 'C0ALERTS', user: 'U0SANDBOX', message_ts: '2.0', text: 'just you' };
    const closed = renderTimeline(channel, [ephemeral], { ...context, openThreads: new Set() });
    expect(closed.indexOf('root')).toBeLessThan(closed.indexOf('just you'));
    expect(closed).toContain('Only visible to you');
    expect(closed).toContain('>1 reply</button>');
    expect(closed).not.toContain('>reply<');
    const open = renderTimeline(channel, [], { ...context, openThreads: new Set(['1.0']) });
    expect(open).toContain(
      '<div class="thread"><article class="message" data-container="message" data-channel="C0ALERTS" data-ts="3.0">',
    );
  });
});
