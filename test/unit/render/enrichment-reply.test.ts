import { describe, expect, it } from 'vitest';
import { renderEnrichmentReply } from '../../../src/render/enrichment-reply.ts';

describe('renderEnrichmentReply', () => {
  it('shows a lookup that could not be made as one quiet line', () => {
    const message = renderEnrichmentReply({ kind: 'unavailable', what: 'graph', reason: 'AccessDenied' });
    expect(message.text).toBe('graph unavailable: AccessDenied');
    expect(message.blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: '_graph unavailable: AccessDenied_' }] },
    ]);
  });

  it('shows lines in a preformatted block under their title, with the links below', () => {
    const message = renderEnrichmentReply({
      kind: 'lines',
      title: 'Log lines <newest>',
      lines: ['ERROR a ```b``` c', 'ERROR d'],
      links: [{ text: 'Open in Logs Insights', url: 'https://example.com/q' }],
    });
    expect(message.text).toBe('Log lines <newest>');
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: "*Log lines &lt;newest&gt;*\n```ERROR a '''b''' c\nERROR d```" },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '<https://example.com/q|Open in Logs Insights>' }],
      },
    ]);
  });
});
