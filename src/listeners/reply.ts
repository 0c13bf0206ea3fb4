import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/case-message';
import type { Logger } from '../logger';

/** Where an answer goes. Built per request from what Slack gave us; the listeners only say what to send. */
export interface Reply {
  /** Visible to the channel: the case summary. */
  inChannel(msg: SlackMessage): Promise<void>;
  /** Replaces the message that was clicked. */
  replace(msg: SlackMessage): Promise<void>;
  /** Only the one who acted sees it. */
  privately(msg: SlackMessage): Promise<void>;
}

export interface ReplyContext {
  respond?: RespondFn;
  client: WebClient;
  channelId?: string;
  userId: string;
  /** ts of the clicked message, for chat.update when the response_url is gone. */
  messageTs?: string;
  logger: Logger;
}

/**
 * response_url first: it works in channels the bot has not joined and in DMs. When it fails (expired,
 * used up), the Web API is the fallback, so an answer is not lost to one broken path.
 */
export function createReply(ctx: ReplyContext): Reply {
  const { respond, client, channelId, userId, messageTs, logger } = ctx;
  const attempt = async (
    label: string,
    viaUrl: (() => Promise<unknown>) | undefined,
    viaApi: (() => Promise<unknown>) | undefined,
  ) => {
    if (viaUrl) {
      try {
        await viaUrl();
        return;
      } catch (e) {
        if (!viaApi) throw e;
        logger.warn(
          { err: e, channel: channelId, user: userId },
          `${label} through response_url failed; trying the Web API`,
        );
      }
    }
    if (!viaApi) throw new Error(`${label}: no way to reach Slack`);
    await viaApi();
  };
  return {
    inChannel: (msg) =>
      attempt(
        'post',
        respond && (() => respond({ ...msg, response_type: 'in_channel', replace_original: false })),
        channelId ? () => client.chat.postMessage({ channel: channelId, ...msg }) : undefined,
      ),
    replace: (msg) =>
      attempt(
        'update',
        respond && (() => respond({ ...msg, replace_original: true })),
        channelId && messageTs ? () => client.chat.update({ channel: channelId, ts: messageTs, ...msg }) : undefined,
      ),
    privately: (msg) =>
      attempt(
        'ephemeral',
        respond && (() => respond({ ...msg, response_type: 'ephemeral', replace_original: false })),
        channelId ? () => client.chat.postEphemeral({ channel: channelId, user: userId, ...msg }) : undefined,
      ),
  };
}
