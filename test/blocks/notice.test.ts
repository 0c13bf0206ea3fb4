import { ACTION, parsePickBlockId } from '../../src/blocks/action-ids';
import { renderNotice, renderPicker, renderStaleNotice, renderUsage } from '../../src/blocks/notice';
import { blockKitViolations } from '../support/block-kit-limits';
import { actionIds, visibleText } from './render-helpers';

describe('notices', () => {
  it('shows title, body, hint and reference within limits', () => {
    const message = renderNotice({ title: 'No <!channel>', body: 'Body', hint: 'Do this', ref: 'AB12' });
    expect(blockKitViolations(message)).toEqual([]);
    const text = visibleText(message);
    expect(text).toContain('*No &lt;!channel&gt;*\nBody');
    expect(text).toContain('Do this\nReference: AB12');
  });

  it('cuts a huge body without leaving a mention half open', () => {
    const message = renderNotice({ title: 't'.repeat(5000), body: `${'x'.repeat(2990)}<@U12345678>` });
    expect(blockKitViolations(message)).toEqual([]);
    expect(visibleText(message)).not.toContain('<@U1234');
  });

  it('escapes the title once: a title is raw text', () => {
    const text = visibleText(renderNotice({ title: 'CASE-1 & <b>', body: 'Body' }));
    expect(text).toContain('*CASE-1 &amp; &lt;b&gt;*');
    expect(text).not.toContain('&amp;amp;');
  });

  it('tells the clicker the case changed meanwhile, with the reason escaped', () => {
    const message = renderStaleNotice('CASE-1 was already assigned to <!channel> & co');
    expect(blockKitViolations(message)).toEqual([]);
    const text = visibleText(message);
    expect(text).toContain('*The case changed meanwhile*\nCASE-1 was already assigned to &lt;!channel&gt; &amp; co');
    expect(text).not.toContain('<!channel>');
  });

  it('explains usage with examples, the problem first', () => {
    const message = renderUsage('"CASE 123" is not a case id');
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.text.startsWith('"CASE 123" is not a case id')).toBe(true);
    for (const example of ['/case-assign CASE-123 @bob', '/case-assign CASE-123 me', '/case-assign help']) {
      expect(visibleText(message)).toContain(example);
    }
    expect(renderUsage().text).toContain('How to use /case-assign');
  });

  it('offers a user picker that carries the case id when @name arrived as plain text', () => {
    const message = renderPicker('CASE-123', '"@bob" is plain text, not a mention.');
    expect(blockKitViolations(message)).toEqual([]);
    expect(actionIds(message)).toEqual([ACTION.pickAssignee]);
    expect(parsePickBlockId(message.blocks[0]?.block_id ?? '')).toBe('CASE-123');
    expect(visibleText(message)).toContain('plain text');
  });

  it('falls back to usage when the case id cannot fit a block id', () => {
    const message = renderPicker('C'.repeat(300), 'problem');
    expect(blockKitViolations(message)).toEqual([]);
    expect(actionIds(message)).toEqual([]);
  });
});
