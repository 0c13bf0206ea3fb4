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
      try {
        slack(req, res);
      } catch {
        // Bolt's receiver throws, synchronously, for any path it does not serve; uncaught, that
        // would take the process down on a stray GET.
        if (!res.headersSent) sendText(res, 404, 'not found');
      }
      return;
    }
    sendText(res, 404, 'not found');
  });
}

/**
 * During shutdown the server stops accepting connections, but a client may still send on a
 * kept-alive one: that request gets 503 (and the connection is closed) rather than starting work
 * that shutdown would not wait for. Slack retries a command or click answered with an error.
 */
export function refuseWhenStopping(accepting: () => boolean, listener: RequestListener): RequestListener {
  return (req, res) => {
    if (accepting()) return listener(req, res);
    res.setHeader('connection', 'close');
    res.setHeader('retry-after', '5');
    sendText(res, 503, 'shutting down');
  };
}
