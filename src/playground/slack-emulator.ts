import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen, parseJson, readBody, sendJson, sendText } from './http-util';
import { CHANNEL } from './people';
import { callMethod, type Args } from './slack-web-api';
import { blockActionsBody, escapeCommandText, signedHeaders, slashCommandBody, type Click } from './slack-requests';
import { answerOnResponseUrl } from './slack-response-url';
import { SlackWorkspace, type ResponseTarget } from './slack-workspace';

export const COMMAND = '/case-assign';

export interface SlackEmulator {
  /** What SLACK_API_URL takes: `http://127.0.0.1:PORT/api/`. */
  apiUrl: string;
  botToken: string;
  signingSecret: string;
  workspace: SlackWorkspace;
  /** Where signed requests go: the app's `/slack/events`. */
  connect(eventsUrl: string): void;
  /** Types `/case-assign <text>` as `userId`; the app's answer arrives as messages in the workspace. */
  command(userId: string, text: string): Promise<void>;
  /** Clicks an element of a message `userId` can see. */
  click(userId: string, messageTs: string, click: Click): Promise<void>;
  close(): Promise<void>;
}

/** A stand-in for Slack on 127.0.0.1: the Web API, response_urls, and signed requests towards the app. */
export async function startSlackEmulator(): Promise<SlackEmulator> {
  const botToken = `xoxb-playground-${randomBytes(10).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const workspace = new SlackWorkspace();
  let eventsUrl: string | undefined;
  let hooks = 0;

  const serveWebApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    const args = parseArgs(req.headers['content-type'], await readBody(req));
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? args.token;
    if (!bearer) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (bearer !== botToken) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    sendJson(res, 200, callMethod(method, args, workspace));
  };

  const server = createServer((req, res) => {
    const [, kind, name] = /^\/(api|response)\/([^/?]+)/.exec(req.url ?? '') ?? [];
    if (req.method !== 'POST' || !kind || !name) return sendText(res, 404, 'not found');
    const served =
      kind === 'api'
        ? serveWebApi(req, res, name)
        : readBody(req).then((raw) => {
            const answer = answerOnResponseUrl(workspace, name, parseJson(raw));
            sendText(res, answer === 'ok' ? 200 : 404, answer);
          });
    served.catch(() => sendText(res, 500, 'emulator failed'));
  });
  const origin = `http://127.0.0.1:${await listen(server, 0)}`;

  /** A fresh response_url bound to where the request came from; its id is the last path segment. */
  const newResponseUrl = (target: ResponseTarget) => {
    const id = `hook${++hooks}${randomBytes(6).toString('hex')}`;
    workspace.responseTargets.set(id, target);
    return { id, url: `${origin}/response/${id}` };
  };

  /** Posts the signed body; what Slack would show on a failure is shown to the one who acted. */
  const forward = async (userId: string, body: string): Promise<Response | undefined> => {
    if (!eventsUrl) throw new Error('the Slack emulator is not connected to an app');
    try {
      const res = await fetch(eventsUrl, { method: 'POST', body, headers: signedHeaders(body, signingSecret) });
      if (res.ok) return res;
      await res.body?.cancel();
      appFailed(userId, `http_error (${res.status})`);
    } catch {
      appFailed(userId, 'dispatch_failed');
    }
    return undefined;
  };
  const appFailed = (userId: string, error: string) =>
    workspace.add({
      channel: CHANNEL.id,
      from: 'app',
      visibleTo: userId,
      blocks: [],
      text: `${COMMAND} failed with the error "${error}"`,
    });

  return {
    apiUrl: `${origin}/api/`,
    botToken,
    signingSecret,
    workspace,
    connect(url) {
      eventsUrl = url;
    },
    async command(userId, text) {
      const person = workspace.person(userId);
      if (!person) throw new Error(`no such person: ${userId}`);
      // The invoker sees what they typed, as in Slack; nobody else does unless the app answers in channel.
      workspace.add({
        channel: CHANNEL.id,
        from: userId,
        visibleTo: userId,
        blocks: [],
        text: `${COMMAND} ${text}`.trim(),
      });
      const hook = newResponseUrl({ channel: CHANNEL.id, user: userId });
      const res = await forward(
        userId,
        slashCommandBody(person, COMMAND, escapeCommandText(text, workspace.people), hook.url),
      );
      const raw = res ? await res.text() : '';
      // An acknowledgement with a body is the answer itself: ephemeral unless it says in_channel.
      if (raw.trim() !== '') answerOnResponseUrl(workspace, hook.id, parseJson(raw) ?? { text: raw });
    },
    async click(userId, messageTs, click) {
      const person = workspace.person(userId);
      const message = workspace.visibleTo(userId).find((m) => m.ts === messageTs);
      if (!person || !message) throw new Error(`${userId} cannot see message ${messageTs}`);
      const hook = newResponseUrl({ channel: message.channel, user: userId, messageTs });
      const res = await forward(userId, blockActionsBody(person, message, click, hook.url));
      await res?.body?.cancel();
    },
    close: () => close(server),
  };
}

/** Web API arguments from a form (what @slack/web-api sends, JSON fields stringified) or a JSON body. */
function parseArgs(contentType: string | undefined, raw: string): Args {
  if (contentType?.startsWith('application/json')) return (parseJson(raw) as Args | undefined) ?? {};
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = key === 'blocks' || key === 'attachments' ? (parseJson(value) ?? value) : value;
  }
  return args;
}
