import { blockKitViolations } from './block-kit-limits';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (overrides: object = {}) => ({ type: 'button', action_id: 'a', text: plain('Go'), ...overrides });
const confirm = (overrides: object = {}) => ({
  title: plain('Sure?'),
  text: mrkdwn('Really.'),
  confirm: plain('Yes'),
  deny: plain('No'),
  ...overrides,
});
const withBlocks = (...blocks: unknown[]) => ({ text: 'fallback', blocks });

describe('blockKitViolations', () => {
  it('accepts a message that uses every supported block within its limits', () => {
    const message = withBlocks(
      { type: 'header', text: plain('x'.repeat(150)) },
      { type: 'section', block_id: 'b1', text: mrkdwn('y'.repeat(3000)), fields: Array(10).fill(mrkdwn('f')) },
      { type: 'context', elements: Array(10).fill(mrkdwn('c')) },
      { type: 'divider' },
      {
        type: 'actions',
        block_id: 'b2',
        elements: [
          button({ style: 'primary', value: 'v'.repeat(2000), confirm: confirm() }),
          { type: 'users_select', action_id: 'u', placeholder: plain('Pick') },
          {
            type: 'overflow',
            action_id: 'o',
            options: [
              { text: plain('A'), value: 'a' },
              { text: plain('B'), value: 'b' },
            ],
          },
          button({ action_id: 'open', url: `https://x/${'p'.repeat(2990)}` }),
        ],
      },
    );
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('accepts a text-only message', () => {
    expect(blockKitViolations({ text: 'hello' })).toEqual([]);
  });

  it('requires the fallback text', () => {
    expect(blockKitViolations({ blocks: [] })).toEqual(['text: missing fallback text']);
    expect(blockKitViolations({ text: '  ', blocks: [] })).toEqual(['text: missing fallback text']);
  });

  it('refuses a fallback text Slack would truncate', () => {
    expect(blockKitViolations({ text: 'x'.repeat(40_001) })).toEqual(['text: longer than 40000']);
  });

  it('refuses more than 50 blocks in a message but allows 100 in a modal', () => {
    const blocks = Array(51).fill({ type: 'divider' });
    expect(blockKitViolations({ text: 't', blocks })).toEqual(['blocks: more than 50 blocks']);
    expect(blockKitViolations({ text: 't', blocks }, 'modal')).toEqual([]);
    expect(blockKitViolations({ text: 't', blocks: Array(101).fill({ type: 'divider' }) }, 'modal')).toEqual([
      'blocks: more than 100 blocks',
    ]);
  });

  it('names the block and the limit of an over-long section text', () => {
    const message = withBlocks({ type: 'divider' }, { type: 'section', text: mrkdwn('x'.repeat(3001)) });
    expect(blockKitViolations(message)).toEqual(['blocks/1/text: longer than 3000']);
  });

  it('refuses empty text objects and sections with nothing in them', () => {
    expect(blockKitViolations(withBlocks({ type: 'section', text: mrkdwn('') }, { type: 'section' }))).toEqual([
      'blocks/0/text: empty',
      'blocks/1: needs text or fields',
    ]);
  });

  it('refuses a header in mrkdwn or longer than 150', () => {
    expect(blockKitViolations(withBlocks({ type: 'header', text: mrkdwn('x') }))).toEqual([
      'blocks/0/text/type: must be plain_text',
    ]);
    expect(blockKitViolations(withBlocks({ type: 'header', text: plain('x'.repeat(151)) }))).toEqual([
      'blocks/0/text: longer than 150',
    ]);
  });

  it('refuses more than 10 fields and fields longer than 2000', () => {
    const fields = [...Array(10).fill(mrkdwn('f')), mrkdwn('x'.repeat(2001))];
    expect(blockKitViolations(withBlocks({ type: 'section', fields }))).toEqual([
      'blocks/0/fields: more than 10',
      'blocks/0/fields/10: longer than 2000',
    ]);
  });

  it('refuses more than 10 context elements and more than 25 actions', () => {
    const actions = Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` }));
    const message = withBlocks(
      { type: 'context', elements: Array(11).fill(mrkdwn('c')) },
      { type: 'actions', elements: actions },
    );
    expect(blockKitViolations(message)).toEqual(['blocks/0/elements: more than 10', 'blocks/1/elements: more than 25']);
  });

  it('checks button text, value, url and style', () => {
    const message = withBlocks({
      type: 'actions',
      elements: [
        button({ text: plain('x'.repeat(76)), value: 'v'.repeat(2001), url: 'u'.repeat(3001), style: 'green' }),
      ],
    });
    expect(blockKitViolations(message)).toEqual([
      'blocks/0/elements/0/text: longer than 75',
      'blocks/0/elements/0/value: longer than 2000',
      'blocks/0/elements/0/url: longer than 3000',
      'blocks/0/elements/0/style: must be primary or danger',
    ]);
  });

  it('refuses long or repeated ids', () => {
    const message = withBlocks(
      { type: 'actions', block_id: 'same', elements: [button(), button()] },
      { type: 'actions', block_id: 'same', elements: [button({ action_id: 'x'.repeat(256) })] },
    );
    expect(blockKitViolations(message)).toEqual([
      'blocks/0/elements/1/action_id: duplicate within the block',
      'blocks/1/block_id: duplicate',
      'blocks/1/elements/0/action_id: longer than 255',
    ]);
  });

  it('checks overflow options and confirm dialogs', () => {
    const option = (text: string, value: string) => ({ text: plain(text), value });
    const tooLong = confirm({
      title: plain('t'.repeat(101)),
      text: mrkdwn('x'.repeat(301)),
      confirm: plain('y'.repeat(31)),
    });
    const message = withBlocks(
      { type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: [option('A', 'a')] }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'overflow',
            action_id: 'o',
            confirm: tooLong,
            options: [option('x'.repeat(76), 'v'.repeat(151)), ...Array(5).fill(option('B', 'b'))],
          },
        ],
      },
    );
    expect(blockKitViolations(message)).toEqual([
      'blocks/0/elements/0/options: fewer than 2 options',
      'blocks/1/elements/0/confirm/title: longer than 100',
      'blocks/1/elements/0/confirm/text: longer than 300',
      'blocks/1/elements/0/confirm/confirm: longer than 30',
      'blocks/1/elements/0/options: more than 5',
      'blocks/1/elements/0/options/0/text: longer than 75',
      'blocks/1/elements/0/options/0/value: longer than 150',
    ]);
  });

  it('refuses a users_select placeholder longer than 150', () => {
    const select = { type: 'users_select', action_id: 'u', placeholder: plain('p'.repeat(151)) };
    expect(blockKitViolations(withBlocks({ type: 'actions', elements: [select] }))).toEqual([
      'blocks/0/elements/0/placeholder: longer than 150',
    ]);
  });

  it('refuses unknown block and element types, and input blocks outside modals', () => {
    const input = { type: 'input', label: plain('Who'), element: { type: 'users_select', action_id: 'u' } };
    const message = withBlocks(
      { type: 'carousel' },
      { type: 'actions', elements: [{ type: 'rocket', action_id: 'r' }] },
      input,
    );
    expect(blockKitViolations(message)).toEqual([
      'blocks/0/type: unknown block type "carousel"',
      'blocks/1/elements/0/type: unknown element type "rocket"',
      'blocks/2/type: input blocks belong in modals',
    ]);
    expect(blockKitViolations(withBlocks(input), 'modal')).toEqual([]);
  });
});
