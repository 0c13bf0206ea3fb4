import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, type Fault } from './slack/faults';
import {
  serveResponseUrl,
  type RejectedResponse,
  type ResponseUrlLog,
  type ResponseUrlPost,
} from './slack/response-url';
import { FakeSocketMode } from './slack/socket-mode';
import { describeTraffic, pollUntil } from './slack/wait-for';
import { callMethod } from './slack/web-api';
import { parseApiArgs, readBody, sendJson, sendText, tokenOf } from './slack/wire';
import type { FakeSlackUser, StoredEphemeral, StoredMessage, Workspace } from './slack/workspace';

export type { FakeSlackUser, StoredMessage, StoredEphemeral } from './slack/workspace';
export type { Fault } from './slack/faults';
export type { ResponseUrlPost, RejectedResponse } from './slack/response-url';
export type { SocketEnvelope } from './slack/socket-mode';
export type { WireJson } from './slack/wire';

export interface WebApiCall {
  method: string;
  /** Form fields (or JSON body), with blocks/view/attachments/metadata parsed; `token` moved out. */
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** The `error` the fake answered with, when it did not answer ok. */
  error?: string;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/`, what SLACK_API_URL and `clientOptions.slackApiUrl` take. */
  apiUrl: string;
  calls: WebApiCall[];
  /** Bodies the fake accepted on a response_url; rejected ones go to `rejectedResponses`. */
  responses: ResponseUrlPost[];
  rejectedResponses: RejectedResponse[];
  /** Channel → messages as they stand after chat.postMessage and chat.update. */
  messages: Map<string, StoredMessage[]>;
  ephemerals: StoredEphemeral[];
  botToken: string;
  appToken: string;
  teamId: string;
  addUser(user: FakeSlackUser): void;
  /** `http://127.0.0.1:PORT/response/<id>`, with a fresh id when none is given. */
  responseUrl(id?: string): string;
  /** Scripts the next `times` answers of a Web API method (e.g. 'chat.postMessage') or of 'response_url'. */
  failNext(target: string, fault: Fault, times?: number): void;
  setNotInChannel(channel: string): void;
  setUnknownChannel(channel: string): void;
  /** Polls until the probe returns something truthy; a probe that throws counts as not yet. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  socket: Pick<FakeSocketMode, 'connections' | 'send' | 'disconnect'>;
  /** Stop any app connected over Socket Mode first, or it will keep trying to reconnect. */
  close(): Promise<void>;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
}

/** A Slack stand-in on 127.0.0.1: Web API, response_urls and Socket Mode on one random port. */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const tokens = { botToken: opts.botToken ?? 'xoxb-test-fake-bot', appToken: opts.appToken ?? 'xapp-1-test-fake-app' };
  const faults = new FaultQueue();
  const socket = new FakeSocketMode('/link');
  let issued = 0;
  let hooks = 0;
  const ws: Workspace = {
    teamId: opts.teamId ?? 'T0001',
    socketUrl: '',
    users: new Map(),
    messages: new Map(),
    ephemerals: [],
    notInChannel: new Set(),
    unknownChannels: new Set(),
    nextTs: () => `${Math.floor(Date.now() / 1000)}.${String(++issued % 1_000_000).padStart(6, '0')}`,
  };
  const calls: WebApiCall[] = [];
  const responseLog: ResponseUrlLog = { accepted: [], rejected: [] };

  async function serveWebApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = parseApiArgs(req.headers['content-type'], raw);
    } catch {
      return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    }
    const token = tokenOf(req, args);
    delete args.token;
    const call: WebApiCall = { method, args, ...(token === undefined ? {} : { token }), at: Date.now() };
    calls.push(call);

    const faulted = await faults.apply(method, 'web_api', res);
    if (faulted !== undefined) return void (call.error = faulted);
    const reply = callMethod(method, args, token, ws, tokens);
    if (!reply.ok) call.error = String(reply.error);
    sendJson(res, 200, reply);
  }

  const server = createServer((req, res) => {
    const [, kind, name] = /^\/(api|response)\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://fake').pathname) ?? [];
    if (!name) return sendText(res, 404, 'not found');
    const served = kind === 'api' ? serveWebApi(req, res, name) : serveResponseUrl(req, res, name, faults, responseLog);
    served.catch((err: unknown) => sendText(res, 500, `fake Slack failed: ${String(err)}`));
  });
  server.on('upgrade', (req: IncomingMessage, sock, head: Buffer) => socket.handleUpgrade(req, sock, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ws.socketUrl = `${origin.replace('http', 'ws')}/link`;

  let closing: Promise<void> | undefined;
  const traffic = () => describeTraffic(calls, responseLog.accepted, responseLog.rejected);
  return {
    apiUrl: `${origin}/api/`,
    calls,
    responses: responseLog.accepted,
    rejectedResponses: responseLog.rejected,
    messages: ws.messages,
    ephemerals: ws.ephemerals,
    ...tokens,
    teamId: ws.teamId,
    addUser: (user) => void ws.users.set(user.id, user),
    responseUrl: (id) => `${origin}/response/${id ?? `hook-${++hooks}`}`,
    failNext: (target, fault, times = 1) => faults.add(target, fault, times),
    setNotInChannel: (channel) => void ws.notInChannel.add(channel),
    setUnknownChannel: (channel) => void ws.unknownChannels.add(channel),
    waitFor: (probe, timeoutMs = 5000) => pollUntil(probe, timeoutMs, traffic),
    socket,
    close: () =>
      (closing ??= (async () => {
        await socket.close();
        faults.cancelDelays();
        server.closeAllConnections();
        await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      })()),
  };
}
