import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/sandbox/page/html.ts';
import { renderMrkdwn, renderPlainText } from '../../../src/sandbox/page/render-mrkdwn.ts';

const context = { users: { U0SANDBOX: 'you' }, timeZone: 'UTC' };
const render = (text: string) => renderMrkdwn(text, context);

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shows Slack-escaped markup as text, never as HTML', () => {
    expect(render('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
    );
  });

  it('escapes raw angle brackets that are not a Slack token', () => {
    expect(render('a < b > c')).toBe('a &lt; b &gt; c');
  });

  it('escapes quotes in text and plain_text', () => {
    expect(render(`"x" 'y'`)).toBe('&quot;x&quot; &#39;y&#39;');
    expect(renderPlainText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('ignores text that imitates its internal placeholders', () => {
    expect(render('\uE0000\uE001<b>')).not.toContain('<b>');
    expect(render('\uE0000\uE001')).toBe('0');
  });

  it('escapes inside code and preformatted text', () => {
    expect(render('`<b>x</b>` and ```&lt;i&gt;\n*not bold*```')).toBe(
      '<code>&lt;b&gt;x&lt;/b&gt;</code> and <pre>&lt;i&gt;\n*not bold*</pre>',
    );
  });
});

describe('links', () => {
  it('draws labelled and bare web links', () => {
    expect(render('<https://example.com/a?b=1&amp;c=2|the *console*>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the *console*</a>',
    );
    expect(render('<https://example.com>')).toContain('>https://example.com</a>');
  });

  it('keeps script URLs as text', () => {
    expect(render('<javascript:alert(1)|click>')).toBe('click');
  });

  it('escapes quotes in a URL so it cannot leave the attribute', () => {
    expect(render('<https://x.test/"onmouseover="alert(1)|x>')).toContain(
      'href="https://x.test/&quot;onmouseover=&quot;alert(1)"',
    );
  });

  it('lets formatting wrap a link', () => {
    expect(render('*<https://x.test|x>*')).toBe(
      '<b><a href="https://x.test" target="_blank" rel="noopener noreferrer">x</a></b>',
    );
  });
});

describe('formatting', () => {
  it('draws bold, italic and strike, but not inside words', () => {
    expect(render('*Firing* · _High_ · ~old~')).toBe('<b>Firing</b> · <i>High</i> · <s>old</s>');
    expect(render('EC2_CPU_HIGH and 2*3*4')).toBe('EC2_CPU_HIGH and 2*3*4');
  });

  it('draws quotes and line breaks', () => {
    expect(render('one\n&gt; quoted\ntwo')).toBe('one<br><blockquote>quoted</blockquote>two');
  });

  it('draws emoji shortcodes', () => {
    expect(render(':warning: careful')).toBe('⚠️ careful');
  });
});

describe('mentions and dates', () => {
  it('names known users and falls back to the id', () => {
    expect(render('<@U0SANDBOX> and <@U0OTHER>')).toBe(
      '<span class="mention">@you</span> and <span class="mention">@U0OTHER</span>',
    );
  });

  it('draws special mentions, user groups and channels', () => {
    expect(render('<!here> <!subteam^S0SRE|@sre> <#C0ALERTS|alerts>')).toBe(
      '<span class="mention">@here</span> <span class="mention">@sre</span> <span class="mention">#alerts</span>',
    );
  });

  it('formats dates in the viewer zone, and uses the fallback when the time is unreadable', () => {
    expect(render('<!date^1700000000^{date_num} {time}|fallback>')).toBe(
      '<time datetime="2023-11-14T22:13:20.000Z">2023-11-14 10:13 PM</time>',
    );
    expect(render('<!date^soon^{date}|Feb 18 &amp; &lt;later&gt;>')).toBe('Feb 18 &amp; &lt;later&gt;');
  });

  it('says how long ago, from the sandbox clock when the page has one', () => {
    const at = { ...context, now: (1_700_000_000 + 12 * 60) * 1000 };

    expect(renderMrkdwn('<!date^1700000000^{time}, {ago}|fallback>', { ...at, timeZone: 'UTC' })).toBe(
      '<time datetime="2023-11-14T22:13:20.000Z">10:13 PM, 12 minutes ago</time>',
    );
    expect(renderMrkdwn('<!date^1700000000^{ago}|x>', { ...at, now: 1_700_000_020_000 })).toContain(
      'just now',
    );
    expect(renderMrkdwn('<!date^1700000000^{ago}|x>', { ...at, now: 1_700_007_200_000 })).toContain(
      '2 hours ago',
    );
  });
});
