import type { BlockAction } from '@slack/bolt';
import { parsePickBlockId } from '../../blocks/action-ids';

/** The part of a posted block we read; Bolt types message blocks loosely. */
interface MessageBlock {
  block_id?: string;
  elements?: Array<{ type?: string; value?: string }>;
}

/**
 * Which case a click is about. Buttons carry it in their value; a users_select has no value, so it is read from its block: the picker's block_id, or the
 * value of a button beside it in the same actions block.
 */
export function caseIdOf(body: BlockAction): string | undefined {
  const action = body.actions[0];
  if (!action) return undefined;
  if (action.type === 'button') return action.value || undefined;
  const picked = parsePickBlockId(action.block_id);
  if (picked) return picked;
  const blocks = (body.message as { blocks?: MessageBlock[] } | undefined)?.blocks ?? [];
  const block = blocks.find((b) => b.block_id === action.block_id);
  return block?.elements?.find((e) => e.type === 'button' && e.value)?.value;
}

/** Where the clicked message lives, for chat.update when its response_url is gone. */
export function messageOf(body: BlockAction): { channelId?: string; ts?: string } {
  const message = body.message as { ts?: string } | undefined;
  const container = body.container as { channel_id?: string; message_ts?: string } | undefined;
  return { channelId: body.channel?.id ?? container?.channel_id, ts: message?.ts ?? container?.message_ts };
}

/**
 * The clicker's workspace: the user's own team, else the payload's (org-wide installs leave `team`
 * null, older payloads omit `user.team_id`). Absent stays absent, and the workspace check refuses it.
 */
export function actorTeamOf(body: BlockAction): string | undefined {
  return body.user.team_id ?? body.team?.id ?? undefined;
}
