import type { FetchFunction } from '@slack/web-api';

/** The answer shape the WebClient expects (the package does not export its name). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export type SlackCallObserver = (call: { method: string; status: number | 'error'; seconds: number }) => void;

export interface TimedFetchOptions {
  /** Bounds a call that brings no signal of its own; the WebClient brings one, respond() none. */
  timeoutMs?: number;
  base?: FetchFunction;
}

/**
 * Bolt's WebClient has no per-call hook, but it and Bolt's respond() both send through
 * `clientOptions.fetch`; timing that sees every Slack call. The Web API method is the last part of
 * the URL under the API base; anything else is a response_url (one label, never the URL itself).
 * respond() sets no timeout, so without one here a response_url that never answers would hang the
 * reply, and the listener with it, forever.
 */
export function timedFetch(apiUrl: string, observe: SlackCallObserver, opts: TimedFetchOptions = {}): FetchFunction {
  const { timeoutMs = 5000, base = fetch } = opts;
  return async (url, init) => {
    const method = methodOf(String(url), apiUrl);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await base(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
      observe({ method, status: response.status, seconds: seconds() });
      return method === 'response_url' ? await drained(response) : response;
    } catch (e) {
      observe({ method, status: 'error', seconds: seconds() });
      throw e;
    }
  };
}

function methodOf(url: string, apiUrl: string): string {
  if (!url.startsWith(apiUrl)) return 'response_url';
  return url.slice(apiUrl.length).split(/[?/]/)[0] || 'unknown';
}

/**
 * Bolt's respond() never reads the answer of a response_url; an unread body keeps its connection
 * busy, so every reply would open a new one and the unread streams pile up under load. The answer
 * is a short word ("ok" or an error), read here and handed on whole.
 */
async function drained(response: FetchResponse): Promise<FetchResponse> {
  const body = await response.text();
  const { ok, status, statusText, url, headers } = response;
  return {
    ok,
    status,
    statusText,
    url,
    headers,
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body) as unknown),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(body).buffer),
  };
}
