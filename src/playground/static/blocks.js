// Block Kit to DOM, for the block types the app sends. A click calls ctx.act(blockId, element,
// extra); the page turns that into a block_actions request through the Slack emulator.
import { appendMrkdwn, decodeEntities } from './mrkdwn.js';

/** @param ctx {{ people: object[], act: Function, confirm: Function }} */
export function renderBlocks(blocks, ctx) {
  const root = document.createElement('div');
  root.className = 'blocks';
  for (const block of blocks) root.append(renderBlock(block, ctx));
  return root;
}

function renderBlock(block, ctx) {
  switch (block.type) {
    case 'header':
      return el('div', 'block-header', plainText(block.text));
    case 'section':
      return section(block, ctx);
    case 'context':
      return el('div', 'block-context', ...block.elements.map((e) => textObject(e, ctx)));
    case 'divider':
      return document.createElement('hr');
    case 'actions':
      return el('div', 'block-actions', ...block.elements.map((e) => element(block.block_id, e, ctx)));
    default:
      return el('div', 'block-unknown', document.createTextNode(`[${block.type} block]`));
  }
}

function section(block, ctx) {
  const body = el('div', 'section-body');
  if (block.text) body.append(textObject(block.text, ctx));
  if (block.fields) body.append(el('div', 'section-fields', ...block.fields.map((f) => textObject(f, ctx))));
  const root = el('div', 'block-section', body);
  if (block.accessory) root.append(el('div', 'section-accessory', element(block.block_id, block.accessory, ctx)));
  return root;
}

/** A mrkdwn or plain_text object as a span. */
function textObject(t, ctx) {
  if (t.type !== 'mrkdwn') return el('span', 'text', plainText(t));
  const span = el('span', 'text mrkdwn');
  appendMrkdwn(span, t.text, ctx.people);
  return span;
}

/** Slack decodes entities in plain_text too; no formatting, no mentions. */
function plainText(t) {
  return document.createTextNode(decodeEntities(t?.text ?? ''));
}

function element(blockId, e, ctx) {
  switch (e.type) {
    case 'button':
      return button(blockId, e, ctx);
    case 'users_select':
      return usersSelect(blockId, e, ctx);
    case 'overflow':
      return overflow(blockId, e, ctx);
    default:
      return el('span', 'block-unknown', document.createTextNode(`[${e.type}]`));
  }
}

function button(blockId, e, ctx) {
  const b = el('button', `btn ${e.style ?? ''}`.trim(), plainText(e.text));
  b.type = 'button';
  b.addEventListener('click', async () => {
    if (e.confirm && !(await ctx.confirm(e.confirm))) return;
    // A link button opens its page, and Slack still tells the app about the click.
    if (e.url) window.open(e.url, '_blank', 'noopener');
    ctx.act(blockId, e, {});
  });
  return b;
}

/** Slack's person picker: the workspace's people, by name; choosing one sends the action. */
function usersSelect(blockId, e, ctx) {
  const select = el('select', 'users-select');
  select.setAttribute('aria-label', e.placeholder?.text ?? 'Pick a person');
  const placeholder = new Option(decodeEntities(e.placeholder?.text ?? 'Select a user'), '');
  placeholder.disabled = true;
  placeholder.selected = true;
  select.append(placeholder, ...ctx.people.map((p) => new Option(`${p.realName} (@${p.name})`, p.id)));
  select.addEventListener('change', async () => {
    if (e.confirm && !(await ctx.confirm(e.confirm))) return;
    ctx.act(blockId, e, { selectedUser: select.value });
  });
  return select;
}

/** The "⋯" menu: a select of its options, each confirmed when the element asks for it. */
function overflow(blockId, e, ctx) {
  const select = el('select', 'overflow');
  select.setAttribute('aria-label', 'More actions');
  const dots = new Option('⋯', '');
  dots.selected = true;
  select.append(dots, ...e.options.map((o) => new Option(decodeEntities(o.text.text), o.value)));
  select.addEventListener('change', async () => {
    const value = select.value;
    select.value = '';
    if (e.confirm && !(await ctx.confirm(e.confirm))) return;
    ctx.act(blockId, e, { value });
  });
  return select;
}

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}
