// The playground page: a Slack channel on the left, the emulated Coralogix on the right. It only
// talks to the playground's own API, which hands what the person did to the Slack emulator.
import { renderBlocks } from './blocks.js';
import { appendMrkdwn } from './mrkdwn.js';

const $ = (id) => document.getElementById(id);
const COMMAND = '/case-assign';
let state;
let actingAs = localStorage.getItem('actingAs') || 'U01ALICE';
let selectedCase = decodeURIComponent((location.hash.match(/case=([^&]+)/) || [])[1] || 'CASE-3');

async function call(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

async function refresh() {
  state = await call('GET', `/api/state?as=${encodeURIComponent(actingAs)}`);
  renderPeople();
  renderMessages();
  renderCases();
}

function renderPeople() {
  const select = $('acting-as');
  if (select.options.length === 0) {
    for (const p of state.people) select.append(new Option(`${p.realName} (@${p.name})`, p.id));
  }
  select.value = actingAs;
  const me = state.people.find((p) => p.id === actingAs);
  $('acting-about').textContent = me ? me.about : '';
}

function renderMessages() {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const ctx = { people: state.people, confirm };
  const roots = state.messages.filter((m) => !m.threadTs);
  list.replaceChildren(
    ...roots.map((m) => {
      const item = messageItem(m, ctx);
      const replies = state.messages.filter((r) => r.threadTs === m.ts);
      if (replies.length > 0) item.append(thread(replies, ctx));
      return item;
    }),
  );
  if (atBottom || list.dataset.count !== String(state.messages.length)) list.scrollTop = list.scrollHeight;
  list.dataset.count = String(state.messages.length);
}

function messageItem(m, ctx) {
  const item = document.createElement('li');
  item.className = `message${m.ephemeral ? ' ephemeral' : ''}`;
  item.dataset.ts = m.ts;
  const author = m.from === 'app' ? { realName: 'case-assign', app: true } : state.people.find((p) => p.id === m.from);
  const head = document.createElement('div');
  head.className = 'message-head';
  head.append(text('strong', author ? author.realName : m.from));
  if (author?.app) head.append(text('span', 'APP', 'badge'));
  head.append(
    text(
      'span',
      new Date(Number(m.ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }),
      'time',
    ),
  );
  if (m.edited) head.append(text('span', '(edited)', 'time'));
  if (m.ephemeral) head.append(text('span', 'Only visible to you', 'only-you'));
  item.append(head);

  const act = (blockId, element, extra) =>
    call('POST', '/api/click', {
      as: actingAs,
      ts: m.ts,
      actionId: element.action_id,
      blockId,
      value: element.value,
      ...extra,
    });
  if (m.blocks.length > 0) item.append(renderBlocks(m.blocks, { ...ctx, act }));
  else {
    const body = document.createElement('div');
    body.className = m.from === 'app' ? 'text mrkdwn' : 'text typed';
    if (m.from === 'app') appendMrkdwn(body, m.text, state.people);
    else body.textContent = m.text;
    item.append(body);
  }
  return item;
}

function thread(replies, ctx) {
  const list = document.createElement('ol');
  list.className = 'thread';
  list.append(...replies.map((r) => messageItem(r, ctx)));
  return list;
}

function renderCases() {
  const body = $('cases');
  body.replaceChildren(
    ...state.cases.map((c) => {
      const row = document.createElement('tr');
      // A pending case has no readable id yet; its short form is shown, the full UUID on hover
      // and in the case title below, which is what /case-assign takes.
      const name = c.readableId || `${c.id.slice(0, 8)}…`;
      row.dataset.case = c.readableId || c.id;
      row.title = c.readableId ? '' : c.id;
      row.className = row.dataset.case === selectedCase ? 'selected' : '';
      row.append(
        cell(name),
        cell(c.priority, `prio ${c.priority}`),
        cell(c.status, `status ${c.status.replace(' ', '-')}`),
        cell(c.title),
        cell(c.assignee || '—', 'assignee'),
      );
      row.addEventListener('click', () => {
        selectedCase = row.dataset.case;
        history.replaceState(null, '', `#case=${encodeURIComponent(selectedCase)}`);
        renderCases();
      });
      return row;
    }),
  );
  renderCaseDetail(state.cases.find((c) => (c.readableId || c.id) === selectedCase));
}

function renderCaseDetail(c) {
  $('case-detail').hidden = !c;
  if (!c) return;
  $('case-title').textContent = `${c.readableId || c.id} · ${c.title}`;
  $('timeline').replaceChildren(
    ...c.timeline.map((e) => {
      const li = document.createElement('li');
      li.append(text('span', new Date(e.at).toLocaleString(), 'time'), text('span', e.by, 'by'), text('span', e.what));
      return li;
    }),
  );
}

/** Slack's confirmation dialog; resolves true when the person confirms. */
function confirm(dialog) {
  const box = $('confirm');
  $('confirm-title').textContent = dialog.title?.text ?? 'Are you sure?';
  $('confirm-text').replaceChildren();
  appendMrkdwn($('confirm-text'), dialog.text?.text ?? '', state.people);
  $('confirm-ok').textContent = dialog.confirm?.text ?? 'Yes';
  $('confirm-ok').className = `btn ${dialog.style === 'danger' ? 'danger' : 'primary'}`;
  $('confirm-deny').textContent = dialog.deny?.text ?? 'Cancel';
  box.showModal();
  return new Promise((resolve) =>
    box.addEventListener('close', () => resolve(box.returnValue === 'ok'), { once: true }),
  );
}

async function send(typed) {
  const line = typed.trim();
  if (!line) return;
  $('composer-hint').textContent = line.startsWith(COMMAND)
    ? ''
    : `Only ${COMMAND} works in the playground, e.g. ${COMMAND} CASE-3 @bob`;
  if (line.startsWith(COMMAND))
    await call('POST', '/api/command', { as: actingAs, text: line.slice(COMMAND.length).trim() });
}

function text(tag, content, className) {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

function cell(content, className) {
  return text('td', content, className);
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('composer-input');
  const typed = input.value;
  input.value = '';
  void send(typed);
});
for (const chip of document.querySelectorAll('.chip')) {
  chip.addEventListener('click', () => {
    $('composer-input').value = chip.textContent;
    $('composer-input').focus();
  });
}
$('acting-as').addEventListener('change', (event) => {
  actingAs = event.target.value;
  localStorage.setItem('actingAs', actingAs);
  void refresh();
});
$('notify').addEventListener('click', async () => {
  $('notify-result').textContent = 'sending…';
  const result = await call('POST', '/api/notify', { caseId: selectedCase, event: 'case_updated' });
  const answer = result.answer || {};
  $('notify-result').textContent = result.ok
    ? `app answered: ${answer.action}`
    : `app answered ${result.status}: ${answer.error}`;
});
window.addEventListener('hashchange', () => {
  selectedCase = decodeURIComponent((location.hash.match(/case=([^&]+)/) || [])[1] || selectedCase);
  renderCases();
});

// Any change in either emulator pings the page, which then fetches the state again.
let pending;
new EventSource('/api/events').onmessage = () => {
  clearTimeout(pending);
  pending = setTimeout(() => void refresh(), 50);
};
void refresh();
