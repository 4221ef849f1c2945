import { describe, expect, it } from 'vitest';
import { renderBlocksAsPlainText } from '../../../src/render/index.ts';

describe('renderBlocksAsPlainText', () => {
  it('converts mrkdwn tokens to readable text', () => {
    const text = renderBlocksAsPlainText({
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Bold* <https://example.com/?a=1&amp;b=2|Console> <@U123> <#C1|ops> <!here> <!subteam^S1> <!subteam^S2|@oncall> <!date^1710496800^{time}|2024-03-15T10:00:00Z> <https://bare.example> 1 &lt; 2 &amp;&amp; 3 &gt; 2 a * b * c',
          },
        },
      ],
    });

    expect(text).toBe(
      'Bold Console (https://example.com/?a=1&b=2) @U123 #ops @here @S1 @oncall 2024-03-15T10:00:00Z https://bare.example 1 < 2 && 3 > 2 a * b * c',
    );
  });

  it('renders headers, fields, context, dividers and every kind of button', () => {
    const text = renderBlocksAsPlainText({
      text: 'ignored when blocks are present',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '🔴 Title' } },
        {
          type: 'section',
          fields: [{ type: 'mrkdwn', text: '*Account*\n123' }],
          accessory: { type: 'button', text: { type: 'plain_text', text: 'Go' } },
        },
        { type: 'divider' },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'small' },
            { type: 'image', image_url: 'x', alt_text: 'logo' },
          ],
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, action_id: 'a' },
            { type: 'button', text: { type: 'plain_text', text: 'Docs' }, url: 'https://docs.example' },
            { type: 'static_select', placeholder: { type: 'plain_text', text: 'Mute…' }, options: [] },
            { type: 'overflow', options: [] },
          ],
        },
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'rich ' },
                { type: 'link', url: 'https://l', text: 'link' },
              ],
            },
          ],
        },
        { type: 'unknown_future_block' },
      ],
    });

    expect(text).toMatchInlineSnapshot(`
      "# 🔴 Title
        Account: 123
      [Go]
      ---
      small [image: logo]
      [Acknowledge] Docs <https://docs.example> [Mute… ▾] [⋯]
      rich link"
    `);
  });

  it('falls back to text without blocks and draws attachments with a bar', () => {
    const text = renderBlocksAsPlainText({
      text: 'Hello <@U1>',
      attachments: [
        { color: 'danger', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'inside\nblocks' } }] },
        { color: 'good', title: 'Legacy', text: 'body', fields: [{ title: 'F', value: 'V' }] },
        { fallback: 'only a fallback' },
      ],
    });

    expect(text).toMatchInlineSnapshot(`
      "Hello @U1
      │ inside
      │ blocks
      │ Legacy
      │ body
      │   F: V
      │ only a fallback"
    `);
  });

  it('survives junk', () => {
    expect(
      renderBlocksAsPlainText({ blocks: [null, 1, 'x', { type: 'section' }], attachments: [null] }),
    ).toBe('');
    expect(renderBlocksAsPlainText({})).toBe('');
  });
});
