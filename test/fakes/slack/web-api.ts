import { postEphemeral, postMessage, updateMessage } from './chat-methods';
import {
  APP_ID,
  BOT_ID,
  BOT_USER_ID,
  blockErrors,
  channelJson,
  fail,
  missingArgument,
  ok,
  str,
  userJson,
  type Args,
  type Reply,
  type Workspace,
} from './workspace';

type Method = (args: Args, ws: Workspace) => Reply;

const METHODS = new Map<string, Method>([
  ['auth.test', authTest],
  ['users.info', usersInfo],
  ['users.lookupByEmail', lookupByEmail],
  ['chat.postMessage', postMessage],
  ['chat.update', updateMessage],
  ['chat.postEphemeral', postEphemeral],
  ['conversations.info', conversationsInfo],
  ['views.open', (args, ws) => openView(args, ws, 'trigger_id')],
  ['views.push', (args, ws) => openView(args, ws, 'trigger_id')],
  ['views.update', (args, ws) => openView(args, ws, 'view_id')],
  ['apps.connections.open', (_args, ws) => ok({ url: ws.socketUrl })],
]);

export interface Tokens {
  botToken: string;
  appToken: string;
}

/** One Web API call as Slack answers it: unknown method, then the token, then the method itself. */
export function callMethod(
  method: string,
  args: Args,
  token: string | undefined,
  ws: Workspace,
  tokens: Tokens,
): Reply {
  const run = METHODS.get(method);
  if (!run) return fail('unknown_method', { req_method: method });
  const tokenProblem = checkToken(method, token, tokens);
  return tokenProblem ? fail(tokenProblem) : run(args, ws);
}

/** Bot and app-level tokens are not interchangeable: Slack says so rather than `invalid_auth`. */
function checkToken(method: string, token: string | undefined, tokens: Tokens): string | undefined {
  if (token === undefined || token === '') return 'not_authed';
  const wanted = method === 'apps.connections.open' ? tokens.appToken : tokens.botToken;
  if (token === wanted) return undefined;
  return token === tokens.appToken || token === tokens.botToken ? 'not_allowed_token_type' : 'invalid_auth';
}

function authTest(_args: Args, ws: Workspace): Reply {
  return ok({
    url: 'https://fake-workspace.slack.com/',
    team: 'Fake Workspace',
    user: 'case-bot',
    team_id: ws.teamId,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  });
}

function usersInfo(args: Args, ws: Workspace): Reply {
  const user = ws.users.get(str(args.user) ?? '');
  return user ? ok({ user: userJson(user) }) : fail('user_not_found');
}

/**
 * Slack matches e-mails case-insensitively. A profile with a hidden e-mail cannot be found by it.
 * Deactivated users are returned with `deleted: true` [unconfirmed: Slack may answer users_not_found].
 */
function lookupByEmail(args: Args, ws: Workspace): Reply {
  const email = str(args.email)?.trim().toLowerCase();
  if (!email) return missingArgument('email');
  const user = [...ws.users.values()].find((u) => u.email?.toLowerCase() === email);
  return user ? ok({ user: userJson(user) }) : fail('users_not_found');
}

function conversationsInfo(args: Args, ws: Workspace): Reply {
  const channel = str(args.channel);
  if (channel === undefined) return missingArgument('channel');
  if (ws.unknownChannels.has(channel)) return fail('channel_not_found');
  return ok({ channel: channelJson(channel, !ws.notInChannel.has(channel)) });
}

/** Modals: the trigger or view id must be there, and the blocks must hold as a modal's. */
function openView(args: Args, ws: Workspace, idField: 'trigger_id' | 'view_id'): Reply {
  if (str(args[idField]) === undefined && str(args.external_id) === undefined) return missingArgument(idField);
  const view = args.view;
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return missingArgument('view');
  const errors = blockErrors((view as Args).blocks ?? [], 'modal', '/view');
  if (errors.length > 0) {
    return fail('invalid_arguments', { response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
  }

  const id = str(args.view_id) ?? `V${ws.nextTs().replace('.', '')}`;
  const state = { values: {} };
  return ok({
    view: { id, team_id: ws.teamId, type: 'modal', ...view, state, root_view_id: id, app_id: APP_ID, bot_id: BOT_ID },
  });
}
