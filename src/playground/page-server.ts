import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CoralogixEmulator } from './coralogix-emulator';
import { parseJson, readBody, sendJson, sendText } from './http-util';
import { pageState } from './page-state';
import { CHANNEL } from './people';
import type { SlackEmulator } from './slack-emulator';
import { loadStaticFiles } from './static-files';

/** What the page's buttons reach: the emulators, and the app's webhook for notifications. */
export interface PageDeps {
  slack: SlackEmulator;
  coralogix: CoralogixEmulator;
  webhookUrl: string;
  webhookSecret: string;
}

type Body = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const optional = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The playground page and the small JSON API behind it. The page never talks to the app directly:
 * it tells the Slack emulator what the person did, and the emulator signs and forwards it.
 */
export function createPageServer(): { server: Server; attach(deps: PageDeps): void } {
  const files = loadStaticFiles();
  const watchers = new Set<ServerResponse>();
  let deps: PageDeps | undefined;
  const changed = () => watchers.forEach((res) => res.write('data: changed\n\n'));

  const api: Record<string, (d: PageDeps, body: Body, url: URL) => unknown> = {
    'GET /api/state': (d, _body, url) =>
      pageState(d.slack.workspace, d.coralogix.book, url.searchParams.get('as') ?? ''),
    'POST /api/command': (d, body) => d.slack.command(text(body.as), text(body.text)),
    'POST /api/click': (d, body) =>
      d.slack.click(text(body.as), text(body.ts), {
        actionId: text(body.actionId),
        blockId: text(body.blockId),
        value: optional(body.value),
        selectedUser: optional(body.selectedUser),
      }),
    'POST /api/notify': (d, body) => notify(d, text(body.caseId), text(body.event) || 'case_updated'),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://page');
    const file = req.method === 'GET' ? files.get(url.pathname) : undefined;
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      return void res.end(file.body);
    }
    if (url.pathname === '/api/events') return watch(res);
    const route = api[`${req.method} ${url.pathname}`];
    if (!route) return sendText(res, 404, 'not found');
    if (!deps) return sendText(res, 503, 'starting');
    const body = (parseJson(await readBody(req)) as Body | undefined) ?? {};
    try {
      sendJson(res, 200, (await route(deps, body, url)) ?? { ok: true });
    } catch (e) {
      sendJson(res, 400, { ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Server-sent events: a ping on every change; the page then fetches the state again. */
  const watch = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    watchers.add(res);
    res.on('close', () => watchers.delete(res));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendText(res, 500, 'playground failed'));
  });
  return {
    server,
    attach(d) {
      deps = d;
      d.slack.workspace.onChange(changed);
      d.coralogix.book.onChange(changed);
    },
  };
}

/** What Coralogix's Notification Center would send to a Generic HTTPS destination (README template). */
async function notify(d: PageDeps, caseId: string, event: string): Promise<unknown> {
  const res = await fetch(d.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${d.webhookSecret}` },
    body: JSON.stringify({ caseId, channel: CHANNEL.id, event, eventId: randomUUID() }),
  });
  const answer = parseJson(await res.text());
  return { ok: res.ok, status: res.status, answer };
}
