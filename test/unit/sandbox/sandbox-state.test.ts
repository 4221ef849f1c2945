import { describe, expect, it } from 'vitest';
import { formatServerSentEvent } from '../../../src/sandbox/sandbox-events.ts';
import { listChannelIds, nameChannel } from '../../../src/sandbox/sandbox-state.ts';

const workspace = { channels: { C0ALERTS: { name: 'alerts' } }, users: {} };

describe('channels', () => {
  it('names configured channels, #name channels and unknown ids', () => {
    expect(nameChannel('C0ALERTS', workspace)).toBe('alerts');
    expect(nameChannel('#ops', workspace)).toBe('ops');
    expect(nameChannel('C0OTHER', workspace)).toBe('c0other');
  });

  it('lists posted channels first and a configured one only if no #name channel stands for it', () => {
    expect(listChannelIds([], workspace)).toEqual(['C0ALERTS']);
    expect(listChannelIds(['#alerts'], workspace)).toEqual(['#alerts']);
    expect(listChannelIds(['#ops'], workspace)).toEqual(['#ops', 'C0ALERTS']);
  });
});

describe('formatServerSentEvent', () => {
  it('writes one event frame with JSON data on one line', () => {
    expect(formatServerSentEvent('message-posted', { text: 'a\nb' })).toBe(
      'event: message-posted\ndata: {"text":"a\\nb"}\n\n',
    );
  });
});
