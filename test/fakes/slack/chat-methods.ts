import {
  BOT_ID,
  BOT_USER_ID,
  blockErrors,
  fail,
  missingArgument,
  ok,
  str,
  type Args,
  type Reply,
  type StoredMessage,
  type Workspace,
} from './workspace';

/** Slack truncates above this; we refuse instead so an over-long message cannot go unnoticed. */
const TEXT_HARD_LIMIT = 40_000;

export function postMessage(args: Args, ws: Workspace): Reply {
  const channel = str(args.channel);
  if (channel === undefined) return missingArgument('channel');
  const problem = channelProblem(channel, ws) ?? contentProblem(args);
  if (problem) return problem;

  const threadTs = str(args.thread_ts);
  const message: StoredMessage = {
    ts: ws.nextTs(),
    text: str(args.text) ?? '',
    blocks: Array.isArray(args.blocks) ? args.blocks : [],
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    edits: 0,
  };
  const history = ws.messages.get(channel) ?? [];
  history.push(message);
  ws.messages.set(channel, history);
  return ok({ channel, ts: message.ts, message: messageJson(message) });
}

export function updateMessage(args: Args, ws: Workspace): Reply {
  const channel = str(args.channel);
  const ts = str(args.ts);
  if (channel === undefined) return missingArgument('channel');
  if (ts === undefined) return missingArgument('ts');
  if (ws.unknownChannels.has(channel)) return fail('channel_not_found');
  const message = ws.messages.get(channel)?.find((m) => m.ts === ts);
  if (!message) return fail('message_not_found');
  const problem = contentProblem(args);
  if (problem) return problem;

  // Arguments left out keep their old value, which is how an edit of the text alone behaves.
  if (typeof args.text === 'string') message.text = args.text;
  if (Array.isArray(args.blocks)) message.blocks = args.blocks;
  message.edits += 1;
  return ok({ channel, ts, text: message.text, message: messageJson(message) });
}

export function postEphemeral(args: Args, ws: Workspace): Reply {
  const channel = str(args.channel);
  const user = str(args.user);
  if (channel === undefined) return missingArgument('channel');
  if (user === undefined) return missingArgument('user');
  const problem = channelProblem(channel, ws) ?? contentProblem(args);
  if (problem) return problem;

  const blocks = Array.isArray(args.blocks) ? args.blocks : [];
  ws.ephemerals.push({ channel, user, text: str(args.text) ?? '', blocks });
  return ok({ message_ts: ws.nextTs() });
}

function channelProblem(channel: string, ws: Workspace): Reply | undefined {
  if (ws.unknownChannels.has(channel)) return fail('channel_not_found');
  // Without chat:write.public, or in a private channel, the bot must be a member to post.
  if (ws.notInChannel.has(channel)) return fail('not_in_channel');
  return undefined;
}

/** What Slack checks of a message body: something to show, within limits, blocks well formed. */
export function contentProblem(args: Args): Reply | undefined {
  if (args.blocks !== undefined && !Array.isArray(args.blocks)) return fail('invalid_blocks_format');
  const text = str(args.text) ?? '';
  const blocks = Array.isArray(args.blocks) ? args.blocks : [];
  if (text === '' && blocks.length === 0) return fail('no_text');
  if (text.length > TEXT_HARD_LIMIT) return fail('msg_too_long');
  const errors = blockErrors(blocks, 'message');
  return errors.length > 0 ? fail('invalid_blocks', { errors }) : undefined;
}

function messageJson(message: StoredMessage): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'bot_message',
    text: message.text,
    bot_id: BOT_ID,
    user: BOT_USER_ID,
    ts: message.ts,
    blocks: message.blocks,
    ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
  };
}
