import type { Readiness } from './readiness';
import type { RouteHandler } from './server';
import { sendText } from './server';

/**
 * /healthz answers as soon as the process serves and costs nothing (a liveness probe must not fail
 * because Coralogix is down); /readyz only once Slack and Coralogix were checked, with the reasons.
 */
export function healthRoutes(readiness: Pick<Readiness, 'state'>): Array<[string, RouteHandler]> {
  return [
    ['GET /healthz', (_req, res) => sendText(res, 200, 'ok')],
    [
      'GET /readyz',
      (_req, res) => {
        const { ready, reasons } = readiness.state();
        sendText(res, ready ? 200 : 503, ready ? 'ready' : `not ready\n${reasons.join('\n')}\n`);
      },
    ],
  ];
}
