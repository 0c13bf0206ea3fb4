import { createHmac } from 'node:crypto';
import type { WireJson } from '../fakes/slack/wire';
import { blockActionsPayload, slashCommandPayload, type SlashCommandFields } from './slack-payloads';

export {
  DEFAULT_IDS,
  NO_RESPONSE_URL,
  blockActionsPayload,
  slashCommandPayload,
  type BlockAction,
  type BlockActionsPayload,
  type DeepPartial,
  type SlashCommandFields,
} from './slack-payloads';

export const SIGNING_SECRET = 'test-signing-secret-5b1f0e9a7c3d';

/**
 * The headers Slack adds to every request: an HMAC over `v0:<timestamp>:<raw body>`. The content
 * type is bare, as Slack sends it: Bolt compares it by string equality and answers 400 otherwise.
 */
export function sign(
  body: string,
  secret = SIGNING_SECRET,
  ts = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${signature}`,
  };
}

/** A slash command as Slack posts it: a form, `/case-assign` with the given text. */
export function slashCommandBody(overrides: Partial<SlashCommandFields> = {}): string {
  return new URLSearchParams(slashCommandPayload(overrides)).toString();
}

/** An interaction as Slack posts it: one form field, `payload`, holding the JSON. */
export function blockActionsBody(payload: object = blockActionsPayload()): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SignedResponse {
  status: number;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: WireJson;
  /** Round trip in milliseconds, for benchmarks; tests should not assert on it. */
  ms: number;
}

/** Posts `body` signed over exactly the bytes sent; `headers` override the signed ones (to tamper). */
export async function postSigned(
  url: string,
  body: string,
  opts: { secret?: string; ts?: number; headers?: Record<string, string> } = {},
): Promise<SignedResponse> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { ...sign(body, opts.secret, opts.ts), ...opts.headers },
  });
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, text, ...parseJson(text), ms };
}

function parseJson(text: string): { json?: WireJson } {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return {};
  }
}
