import type { RouteHandler } from '../http/server';
import { sendText } from '../http/server';
import type { Metrics } from './registry';

/** GET /metrics in Prometheus text format; served in both modes, and while shutting down. */
export function metricsRoute(metrics: Metrics): [string, RouteHandler] {
  return [
    'GET /metrics',
    async (_req, res) => sendText(res, 200, await metrics.registry.metrics(), metrics.registry.contentType),
  ];
}
