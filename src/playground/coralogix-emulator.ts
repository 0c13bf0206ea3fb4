import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CaseRecord } from './case-record';
import { CaseBook, CaseRefusal } from './coralogix-cases';
import { close, listen, parseJson, readBody, sendJson } from './http-util';
import { CORALOGIX_PEOPLE } from './people';

export interface CoralogixEmulator {
  /** What CORALOGIX_API_URL takes: `http://127.0.0.1:PORT`. */
  origin: string;
  apiKey: string;
  book: CaseBook;
  close(): Promise<void>;
}

export interface CoralogixEmulatorOptions {
  /** The page a case's "Open in Coralogix" link leads to; the playground shows the case there. */
  caseLink: (caseId: string) => string;
  now?: () => number;
}

type Handler = (c: CaseRecord, body: unknown, book: CaseBook) => unknown;

const API = '/mgmt/openapi/5';

/** The Cases calls the app makes (design §5), each answering as Coralogix does: `{case}` or `{event}`. */
function caseRoutes(opts: CoralogixEmulatorOptions): Array<[method: string, path: RegExp, handler: Handler]> {
  return [
    ['GET', /^\/cases\/cases\/v1\/([^/]+)$/, (c) => ({ case: c })],
    [
      'GET',
      /^\/cases\/cases\/v1\/([^/]+)\/deep-links$/,
      (c) => ({ deepLinks: { detail: opts.caseLink(c.readableId ?? c.id) } }),
    ],
    ['GET', /^\/cases\/cases\/v1\/([^/]+)\/events$/, (c, _body, book) => ({ events: book.timeline(c.id) })],
    [
      'POST',
      /^\/cases\/assigned\/v1\/([^/]+)$/,
      (c, body, book) => {
        const userId = (body as { assignee?: { userId?: unknown } } | undefined)?.assignee?.userId;
        if (typeof userId !== 'string') throw new CaseRefusal(400, 'Invalid argument: assignee.userId is required');
        book.assign(c, userId);
        return { case: c };
      },
    ],
    ['DELETE', /^\/cases\/assigned\/v1\/([^/]+)$/, (c, _body, book) => (book.unassign(c), { case: c })],
    ['PUT', /^\/cases\/acknowledged\/v1\/([^/]+)$/, (c, _body, book) => (book.acknowledge(c), { case: c })],
    [
      'POST',
      /^\/cases\/cases\/v1\/([^/]+)\/comments$/,
      (c, body, book) => {
        const text = (body as { text?: unknown } | undefined)?.text;
        if (typeof text !== 'string' || text.trim() === '')
          throw new CaseRefusal(400, 'Invalid argument: text is required');
        return { event: book.comment(c, text.trim()) };
      },
    ],
  ];
}

/** The team directory Coralogix's own CLI reads: `username` is the e-mail, `id` what assignee.userId takes. */
function teammates() {
  return {
    data: CORALOGIX_PEOPLE.map(({ id, email, firstName, lastName, isActive }) => ({
      id,
      username: email,
      firstName,
      lastName,
      isActive,
    })),
  };
}

/** A stand-in for Coralogix's management API on 127.0.0.1, with seeded cases and team. */
export async function startCoralogixEmulator(opts: CoralogixEmulatorOptions): Promise<CoralogixEmulator> {
  const apiKey = `cxup_playground_${randomBytes(12).toString('hex')}`;
  const book = new CaseBook(opts.now);
  const routes = caseRoutes(opts);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return sendJson(res, 401, { code: 401, message: 'Unauthorized' });
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (req.method === 'GET' && path === '/api/v1/user/team/teammates') return sendJson(res, 200, teammates());
    if (!path.startsWith(API)) return sendJson(res, 404, { code: 404, message: 'Not Found: Not Found' });

    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(path.slice(API.length));
      if (req.method !== method || !match?.[1]) continue;
      const found = book.find(decodeURIComponent(match[1]));
      if (!found) return sendJson(res, 404, { code: 404, message: `Not Found: case ${decodeURIComponent(match[1])}` });
      try {
        return sendJson(res, 200, handler(found, parseJson(raw), book));
      } catch (e) {
        if (e instanceof CaseRefusal) return sendJson(res, e.status, { code: e.status, message: e.message });
        throw e;
      }
    }
    sendJson(res, 404, { code: 404, message: 'Not Found: Not Found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => sendJson(res, 500, { code: 500, message: 'Internal error' }));
  });
  const port = await listen(server, 0);
  return { origin: `http://127.0.0.1:${port}`, apiKey, book, close: () => close(server) };
}
