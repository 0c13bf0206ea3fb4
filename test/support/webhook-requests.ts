import { request } from 'node:http';

export const WEBHOOK_SECRET = 'whsec-test-3c1f9a0e5b7d4c2a';

/** What the route answers (design §8); every field optional, since a test may get anything. */
export interface WebhookAnswer {
  ok?: boolean;
  action?: 'posted' | 'updated' | 'unchanged';
  channel?: string;
  ts?: string;
  error?: string;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON answer; empty when the answer is not JSON (see `text`). */
  body: WebhookAnswer;
  text: string;
}

export interface WebhookRequestOptions {
  /** Authorization header; null sends none. Default: Bearer with WEBHOOK_SECRET. */
  authorization?: string | null;
  contentType?: string;
  /** Send without Content-Length (chunked), so the app only learns the size by reading. */
  chunked?: boolean;
}

/**
 * POSTs to /webhooks/coralogix the way Coralogix's Generic HTTPS connector would. `body` is sent
 * as JSON unless it is a string, which goes as is (malformed JSON, oversized bodies). The answer is
 * read even when the app closes the connection before taking the whole body (413).
 */
export function postWebhook(
  baseUrl: string,
  body: unknown,
  opts: WebhookRequestOptions = {},
): Promise<WebhookResponse> {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const authorization = opts.authorization === undefined ? `Bearer ${WEBHOOK_SECRET}` : opts.authorization;
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'application/json',
    ...(opts.chunked ? {} : { 'content-length': String(raw.length) }),
    ...(authorization === null ? {} : { authorization }),
  };
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/webhooks/coralogix`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: WebhookAnswer = {};
        try {
          body = JSON.parse(text) as WebhookAnswer;
        } catch {
          // not JSON: the text says it
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    // The app may stop reading and close early; the answer it wrote still arrives.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    if (opts.chunked) {
      // Several writes, so the body really arrives in pieces.
      for (let at = 0; at < raw.length; at += 16 * 1024) req.write(raw.subarray(at, at + 16 * 1024));
      req.end();
    } else {
      req.end(raw);
    }
  });
}
