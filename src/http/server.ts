import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Routes are keyed "METHOD /path"; the query string plays no part in routing. */
export type Routes = Map<string, RouteHandler>;

export function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  sendText(res, status, JSON.stringify(body), 'application/json');
}

/**
 * The one HTTP server of the process: our own routes first, then (in HTTP mode) Bolt's receiver,
 * which verifies Slack's signature on everything it handles.
 */
export function createHttpServer(routes: Routes, slack: RequestListener | undefined, logger: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler = routes.get(`${req.method} ${path}`);
    if (handler) {
      Promise.resolve(handler(req, res)).catch((err: unknown) => {
        logger.error({ err, path }, 'route failed');
        if (!res.headersSent) sendText(res, 500, 'internal error');
        else res.end();
      });
      return;
    }
    if (slack) {
      slack(req, res);
      return;
    }
    sendText(res, 404, 'not found');
  });
}
