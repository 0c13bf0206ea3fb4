import type { RouteHandler } from './server';
import { sendText } from './server';

/** /healthz answers as soon as the process serves; /readyz once Slack and Coralogix were checked. */
export function healthRoutes(state: { ready: () => boolean }): Array<[string, RouteHandler]> {
  return [
    ['GET /healthz', (_req, res) => sendText(res, 200, 'ok')],
    ['GET /readyz', (_req, res) => (state.ready() ? sendText(res, 200, 'ready') : sendText(res, 503, 'starting'))],
  ];
}
