import { createHmac, randomBytes } from 'node:crypto';
import { CHANNEL, type SlackPerson } from './people';
import type { ChannelMessage } from './slack-workspace';
import { BOT } from './slack-web-api';

const APP_ID = 'A0CASEASSIGN';

/** What the person clicked, as the page reports it. */
export interface Click {
  actionId: string;
  blockId: string;
  /** A button's value. */
  value?: string;
  /** A users_select's choice. */
  selectedUser?: string;
}

/**
 * Slack's signature (slack-platform.md §1): HMAC-SHA256 over `v0:<timestamp>:<raw body>`. The
 * content type is bare, as Slack sends it; Bolt compares it by string equality.
 */
export function signedHeaders(body: string, secret: string, now = Date.now()): Record<string, string> {
  const ts = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': `v0=${signature}`,
  };
}

/**
 * The text as Slack passes it on with "Escape channels, users, and links" on: `&`, `<`, `>` as
 * entities, and `@handle` of a known person as `<@ID|handle>`. An unknown `@name` stays as typed.
 */
export function escapeCommandText(text: string, people: readonly SlackPerson[]): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/(^|\s)@([\w.-]+)/g, (whole, space: string, handle: string) => {
    const person = people.find((p) => p.name.toLowerCase() === handle.toLowerCase());
    return person ? `${space}<@${person.id}|${person.name}>` : whole;
  });
}

export function slashCommandBody(person: SlackPerson, command: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'playground-verification-token',
    team_id: person.teamId,
    team_domain: person.teamId.toLowerCase(),
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: person.id,
    user_name: person.name,
    command,
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId(),
  }).toString();
}

/** A block_actions interaction (§3.2): one form field, `payload`, holding the JSON. */
export function blockActionsBody(
  person: SlackPerson,
  message: ChannelMessage,
  click: Click,
  responseUrl: string,
): string {
  const ephemeral = message.visibleTo !== undefined;
  const payload = {
    type: 'block_actions',
    user: { id: person.id, username: person.name, name: person.name, team_id: person.teamId },
    api_app_id: APP_ID,
    token: 'playground-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: ephemeral },
    trigger_id: triggerId(),
    team: { id: person.teamId, domain: person.teamId.toLowerCase() },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: CHANNEL.name },
    // Slack leaves the message out of a click on an ephemeral message; only the container names it.
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: message.ts,
            bot_id: BOT.botId,
            user: BOT.userId,
            text: message.text,
            blocks: message.blocks,
          },
        }),
    state: { values: {} },
    response_url: responseUrl,
    actions: [actionOf(message, click)],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The action as Slack describes it, completed from the element in the message's blocks. */
function actionOf(message: ChannelMessage, click: Click): Record<string, unknown> {
  const element = findElement(message.blocks, click.blockId, click.actionId);
  const type = typeof element?.type === 'string' ? element.type : click.selectedUser ? 'users_select' : 'button';
  const common = {
    type,
    action_id: click.actionId,
    block_id: click.blockId,
    action_ts: (Date.now() / 1000).toFixed(6),
  };
  if (type === 'users_select') return { ...common, selected_user: click.selectedUser };
  if (type === 'overflow') {
    const option = element?.options?.find((o) => o.value === click.value);
    return { ...common, selected_option: option ?? null };
  }
  return { ...common, text: element?.text ?? { type: 'plain_text', text: '' }, value: click.value ?? element?.value };
}

type Element = {
  type?: unknown;
  action_id?: unknown;
  value?: string;
  text?: unknown;
  options?: Array<{ value?: string }>;
};

function findElement(blocks: unknown[], blockId: string, actionId: string): Element | undefined {
  for (const block of blocks as Array<{ block_id?: string; elements?: Element[]; accessory?: Element }>) {
    if (block.block_id !== undefined && block.block_id !== blockId) continue;
    const candidates = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    const found = candidates.find((e) => e.action_id === actionId);
    if (found) return found;
  }
  return undefined;
}

function triggerId(): string {
  return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString('hex')}`;
}
