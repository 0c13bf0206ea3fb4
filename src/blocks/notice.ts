import type { types } from '@slack/bolt';
import { pickBlockId, ACTION } from './action-ids';
import type { SlackMessage } from './case-message';
import { escapeAndTruncate, escapeMrkdwn } from './mrkdwn';

export interface Notice {
  /** Raw text: renderNotice escapes it, so a caller passes it unescaped. */
  title: string;
  /** mrkdwn the app wrote; anything from Coralogix or a user in it must already be escaped. */
  body: string;
  /** What to do next. */
  hint?: string;
  /** The reference that the log line carries too. */
  ref?: string;
}

const context = (text: string): types.ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/**
 * A private answer to the one who acted: what happened, then what to do next. Title, body and hint
 * are cut to fit; the title is escaped, the body and hint are taken as mrkdwn so they can mention.
 */
export function renderNotice(n: Notice): SlackMessage {
  const title = escapeAndTruncate(n.title.trim() || 'Notice', 200);
  const body = n.body.trim();
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: fitMrkdwn(body ? `*${title}*\n${body}` : `*${title}*`, 3000) } },
  ];
  const footer = [n.hint?.trim(), n.ref ? `Reference: ${escapeAndTruncate(n.ref, 64)}` : undefined];
  const footerText = footer.filter(Boolean).join('\n');
  if (footerText) blocks.push(context(fitMrkdwn(footerText, 2000)));
  return { text: fitMrkdwn(body ? `${title}: ${body}` : title, 3000), blocks };
}

/**
 * A click found the case already changed by someone else; the message now shows it as it is. The
 * reason is raw text (it names the case and people from Coralogix), so it is escaped here.
 */
export function renderStaleNotice(reason: string): SlackMessage {
  return renderNotice({ title: 'The case changed meanwhile', body: escapeMrkdwn(reason) });
}

/**
 * Cuts text the app composed. A cut could split a mention or link open; closing is not possible, so
 * the cut falls before the last unclosed `<`.
 */
function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max - 1);
  const open = kept.lastIndexOf('<');
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open);
  const amp = kept.lastIndexOf('&');
  if (amp >= 0 && kept.indexOf(';', amp) === -1) kept = kept.slice(0, amp);
  return `${kept}…`;
}

// `<` and `>` are control characters even inside code: unescaped, `<case>` would be read as a link.
const USAGE = [
  '`/case-assign &lt;case&gt; [@user|me]` assigns a Coralogix case; without a user it is yours.',
  '`/case-assign help` shows this.',
  '*Examples*',
  '• `/case-assign CASE-123 @bob`',
  '• `/case-assign CASE-123 me`',
  '• `/case-assign 3f166e9f-3c88-4af2-b52e-138f339dab3e`',
].join('\n');

/** How to use the command, after what was wrong with the last attempt when there was something. */
export function renderUsage(problem?: string): SlackMessage {
  const title = problem?.trim() ? problem.trim() : 'How to use /case-assign';
  return renderNotice({ title, body: USAGE, hint: 'A case is its id (CASE-123) or its UUID.' });
}

/**
 * The `@name` arrived as plain text, which happens when the command's "Escape channels, users, and
 * links" setting is off. A display name is no identity, so the reader picks the person instead.
 */
export function renderPicker(caseId: string, problem: string): SlackMessage {
  // The case travels in the block_id (≤ 255); an id that long is no case id, so only usage helps.
  if (pickBlockId(caseId).length > 255) return renderUsage(problem);
  const explanation =
    `${escapeAndTruncate(problem, 500)}\n` +
    'Either no one in this workspace goes by that name, or Slack did not turn it into a mention. Pick the person:';
  return {
    text: `Pick who should get ${escapeAndTruncate(caseId, 64)}`,
    blocks: [
      {
        type: 'section',
        block_id: pickBlockId(caseId),
        text: { type: 'mrkdwn', text: explanation },
        accessory: {
          type: 'users_select',
          action_id: ACTION.pickAssignee,
          placeholder: { type: 'plain_text', text: 'Assign to…' },
        },
      },
      context(
        'If mentions of real people keep arriving as plain text, the command lost "Escape channels, users, and links": recreate it from manifest.yml.',
      ),
    ],
  };
}
