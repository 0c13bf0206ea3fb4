import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteHandler } from '../../src/http/server';
import { observedRoute } from '../../src/metrics/observe-route';
import type { HandledEvent } from '../../src/metrics/observer';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Serves one route, observed, the way the app's server calls it (a throw becomes a 500), and asks it once. */
async function outcomeOf(handler: RouteHandler): Promise<string | undefined> {
  const events: HandledEvent[] = [];
  const route = observedRoute('webhook', handler, { handled: (e) => events.push(e) });
  server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch(() => {
      res.statusCode = 500;
      res.end('internal error');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST' });
  expect(events).toHaveLength(1);
  expect(events[0]?.kind).toBe('webhook');
  return events[0]?.outcome;
}

const answering =
  (status: number): RouteHandler =>
  (_req, res) => {
    res.statusCode = status;
    res.end();
  };

describe('webhook outcomes in the metrics', () => {
  it.each([
    [200, 'handled'],
    [401, 'unauthorized'],
    [500, 'internal'],
    [502, 'refused'],
    [503, 'unavailable'],
  ])('names an answer %i "%s"', async (status, outcome) => {
    expect(await outcomeOf(answering(status))).toBe(outcome);
  });

  it('counts a route that throws as internal, like the 500 the server answers', async () => {
    expect(
      await outcomeOf(() => {
        throw new Error('boom');
      }),
    ).toBe('internal');
  });

  it('keeps a status it has no name for as status_<code>', async () => {
    expect(await outcomeOf(answering(418))).toBe('status_418');
  });
});
