import type { RouteHandler } from '../http/server';
import type { Observer } from './observer';

/** The webhook's own log line keeps its finer outcome; the metric reads what it answered. */
const OUTCOMES: Record<number, string> = {
  200: 'handled',
  400: 'bad_request',
  401: 'unauthorized',
  404: 'case_not_found',
  413: 'too_large',
  415: 'bad_content_type',
  500: 'internal',
  502: 'refused',
  503: 'unavailable',
};

/** Counts and times a plain HTTP route (the Coralogix webhook) as one handled request. */
export function observedRoute(kind: 'webhook', handler: RouteHandler, observer: Observer | undefined): RouteHandler {
  if (!observer) return handler;
  return async (req, res) => {
    const started = performance.now();
    // A throwing handler is answered 500 by the server once this returns; its statusCode is not that yet.
    let threw = false;
    try {
      await handler(req, res);
    } catch (e) {
      threw = true;
      throw e;
    } finally {
      const status = threw ? 500 : res.statusCode;
      const outcome = OUTCOMES[status] ?? `status_${status}`;
      observer.handled({ kind, outcome, seconds: (performance.now() - started) / 1000 });
    }
  };
}
