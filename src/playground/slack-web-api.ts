import { CHANNEL, HOME_TEAM, type SlackPerson } from './people';
import type { SlackWorkspace } from './slack-workspace';

export type Args = Record<string, unknown>;
export type Reply = { ok: boolean } & Record<string, unknown>;

export const BOT = { userId: 'U0CASEBOT', botId: 'B0CASEBOT', name: 'case-assign' } as const;

const ok = (fields: Record<string, unknown> = {}): Reply => ({ ok: true, ...fields });
const fail = (error: string): Reply => ({ ok: false, error });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

type Method = (args: Args, ws: SlackWorkspace) => Reply;

/** The Web API methods the app calls, answering with the fields Slack's own examples show. */
const METHODS: Record<string, Method> = {
  'auth.test': () =>
    ok({
      url: `https://${HOME_TEAM.domain}.slack.com/`,
      team: HOME_TEAM.name,
      user: BOT.name,
      team_id: HOME_TEAM.id,
      user_id: BOT.userId,
      bot_id: BOT.botId,
      is_enterprise_install: false,
    }),
  'users.info': (args, ws) => {
    const person = ws.person(str(args.user) ?? '');
    return person ? ok({ user: userJson(person) }) : fail('user_not_found');
  },
  'users.lookupByEmail': (args, ws) => {
    const email = str(args.email)?.trim().toLowerCase();
    const person = ws.people.find((p) => p.email?.toLowerCase() === email);
    return person ? ok({ user: userJson(person) }) : fail('users_not_found');
  },
  'conversations.info': (args, ws) => {
    const channel = str(args.channel);
    if (!channel || !ws.channels.has(channel)) return fail('channel_not_found');
    return ok({ channel: { id: channel, name: CHANNEL.name, is_channel: true, is_private: false, is_member: true } });
  },
  'chat.postMessage': (args, ws) => {
    const problem = channelProblem(args, ws) ?? contentProblem(args);
    if (problem) return problem;
    const channel = str(args.channel) ?? '';
    const threadTs = str(args.thread_ts);
    const message = ws.add({ channel, text: str(args.text) ?? '', blocks: blocksOf(args), from: 'app', threadTs });
    return ok({ channel, ts: message.ts, message: messageJson(message.ts, message.text, message.blocks) });
  },
  'chat.update': (args, ws) => {
    const message = ws.find(str(args.channel) ?? '', str(args.ts) ?? '');
    // Ephemeral messages cannot be edited through the Web API, only through their response_url.
    if (!message || message.visibleTo !== undefined) return fail('message_not_found');
    const problem = contentProblem(args);
    if (problem) return problem;
    ws.replace(message, args);
    return ok({ channel: message.channel, ts: message.ts, text: message.text });
  },
  'chat.postEphemeral': (args, ws) => {
    const problem = channelProblem(args, ws) ?? contentProblem(args);
    if (problem) return problem;
    const user = str(args.user);
    if (!user || !ws.person(user)) return fail('user_not_in_channel');
    const message = ws.add({
      channel: str(args.channel) ?? '',
      text: str(args.text) ?? '',
      blocks: blocksOf(args),
      from: 'app',
      visibleTo: user,
    });
    return ok({ message_ts: message.ts });
  },
};

export function callMethod(method: string, args: Args, ws: SlackWorkspace): Reply {
  const run = METHODS[method];
  return run ? run(args, ws) : fail('unknown_method');
}

export function blocksOf(args: Args): unknown[] {
  return Array.isArray(args.blocks) ? (args.blocks as unknown[]) : [];
}

/** What Slack checks of any message body: something to show, blocks as a list. */
export function contentProblem(args: Args): Reply | undefined {
  if (args.blocks !== undefined && !Array.isArray(args.blocks)) return fail('invalid_blocks_format');
  if (!str(args.text) && blocksOf(args).length === 0) return fail('no_text');
  return undefined;
}

function channelProblem(args: Args, ws: SlackWorkspace): Reply | undefined {
  const channel = str(args.channel);
  return channel && ws.channels.has(channel) ? undefined : fail('channel_not_found');
}

function messageJson(ts: string, text: string, blocks: unknown[]) {
  return { type: 'message', subtype: 'bot_message', bot_id: BOT.botId, user: BOT.userId, ts, text, blocks };
}

function userJson(p: SlackPerson) {
  return {
    id: p.id,
    team_id: p.teamId,
    name: p.name,
    deleted: false,
    real_name: p.realName,
    is_bot: false,
    tz: 'Europe/London',
    profile: {
      real_name: p.realName,
      display_name: p.name,
      ...(p.email ? { email: p.email } : {}),
      team: p.teamId,
    },
  };
}
