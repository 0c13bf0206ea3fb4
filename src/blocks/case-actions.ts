import type { types } from '@slack/bolt';
import { isFinal, type Case } from '../coralogix/schemas';
import { ACTION } from './action-ids';
import { caseName, statusWords } from './case-words';
import { escapeAndTruncate, link, safeUrl } from './mrkdwn';

/**
 * Buttons carry the case id back to us; an id longer than a documented one (UUID 36, readable ≤ 64),
 * or a blank one, is no case id we could act on, so such a case is shown without buttons.
 */
const MAX_CASE_ID = 64;
const MAX_BUTTON_URL = 3000;

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

/** What a reader can do with the case: the actions block, or a line saying why there is none. */
export function caseActions(c: Case, assigned: boolean, url: string | undefined, suffix: string): types.KnownBlock {
  const blockId = `case.actions${suffix}`;
  if (isFinal(c)) return finalLine(c, url, blockId);
  if (c.id.length > MAX_CASE_ID || c.id.trim() === '') {
    return context(blockId, 'This case id cannot be acted on from Slack; open it in Coralogix.');
  }

  const elements: types.ActionsBlockElement[] = [
    { type: 'button', action_id: ACTION.assignToMe, text: plain('Assign to me'), style: 'primary', value: c.id },
    { type: 'users_select', action_id: ACTION.reassign, placeholder: plain('Reassign to…') },
  ];
  if (c.status === 'CASE_STATUS_ACTIVE' && !c.acknowledgeTime) {
    elements.push({ type: 'button', action_id: ACTION.acknowledge, text: plain('Acknowledge'), value: c.id });
  }
  const href = safeUrl(url);
  if (href && href.length <= MAX_BUTTON_URL) {
    elements.push({ type: 'button', action_id: ACTION.open, text: plain('Open in Coralogix'), url: href, value: c.id });
  }
  if (assigned) elements.push(unassignButton(c));
  return { type: 'actions', block_id: blockId, elements };
}

/**
 * Unassign is a button, not a one-item overflow menu: Slack wants two to five options in an
 * overflow, and its confirm dialog would cover every option alike. It keeps ACTION.more, and its
 * value is the case id like every case button; `parseMoreAction` reads it.
 */
function unassignButton(c: Case): types.Button {
  return {
    type: 'button',
    action_id: ACTION.more,
    text: plain('Unassign'),
    value: c.id,
    confirm: {
      title: plain('Unassign this case?'),
      text: { type: 'mrkdwn', text: `${escapeAndTruncate(caseName(c), 64)} will have no assignee.` },
      confirm: plain('Unassign'),
      deny: plain('Cancel'),
      style: 'danger',
    },
  };
}

function finalLine(c: Case, url: string | undefined, blockId: string): types.ContextBlock {
  const state = statusWords(c.status).toLowerCase();
  const open = safeUrl(url) ? ` ${link(url, 'Open in Coralogix')}` : '';
  return context(blockId, `This case is ${state}; it can no longer be reassigned.${open}`);
}

function context(blockId: string, text: string): types.ContextBlock {
  return { type: 'context', block_id: blockId, elements: [{ type: 'mrkdwn', text }] };
}
