import { escapeAndTruncate, escapeMrkdwn, link, mention, slackDate, truncate } from '../../src/blocks/mrkdwn';

describe('mrkdwn helpers', () => {
  it('escapes only the three control characters', () => {
    expect(escapeMrkdwn('<!channel> & "quotes" *bold*')).toBe('&lt;!channel&gt; &amp; "quotes" *bold*');
  });

  it('cuts to the limit with a marker, never splitting an emoji', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    const cut = truncate('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });

  it('never splits an entity when cutting escaped text', () => {
    expect(escapeAndTruncate('ab<cd', 6)).toBe('ab…');
    expect(escapeAndTruncate('ab<cde', 8)).toBe('ab&lt;c…');
    expect(escapeAndTruncate('ab<cd', 8)).toBe('ab&lt;cd');
  });

  it('renders a date token with a UTC fallback, and nothing for a bad date', () => {
    expect(slackDate('2026-09-22T10:30:00.000Z')).toBe(
      '<!date^1790073000^{date_short_pretty} {time}|2026-09-22 10:30 UTC>',
    );
    expect(slackDate('2026-09-22T10:30:00Z', '{date}')).toBe('<!date^1790073000^{date}|2026-09-22 10:30 UTC>');
    expect(slackDate(undefined)).toBeUndefined();
    expect(slackDate('yesterday')).toBeUndefined();
  });

  it('mentions a user, but shows an id that could break out of the mention as text', () => {
    expect(mention('U024BE7LH')).toBe('<@U024BE7LH>');
    expect(mention('U1>|<!channel')).toBe('U1&gt;|&lt;!channel');
  });

  it('links only http(s) URLs, with the label escaped and the link characters encoded', () => {
    expect(link('https://x.io/a?b=1&c=2', 'a <b>')).toBe('<https://x.io/a?b=1&amp;c=2|a &lt;b&gt;>');
    expect(link('https://x.io/a|b>c', 'l')).toBe('<https://x.io/a%7Cb%3Ec|l>');
    expect(link('javascript:alert(1)', 'click')).toBe('click');
    expect(link('not a url', 'l')).toBe('l');
  });
});
