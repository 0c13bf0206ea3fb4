import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentProblem } from './chat-methods';
import type { FaultQueue } from './faults';
import { readBody, sendText, type WireJson } from './wire';

export interface ResponseUrlPost {
  id: string;
  body: WireJson;
  at: number;
}

export interface RejectedResponse extends ResponseUrlPost {
  /** What the fake answered instead of `ok`, e.g. invalid_blocks or no_service (an expired URL). */
  error: string;
  /** For invalid_blocks: each problem with its json-pointer. */
  errors?: string[];
}

export interface ResponseUrlLog {
  accepted: ResponseUrlPost[];
  rejected: RejectedResponse[];
}

/** A POST to a response_url, as Slack's hooks take it: JSON in, plain `ok` or an error word out. */
export async function serveResponseUrl(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  faults: FaultQueue,
  log: ResponseUrlLog,
): Promise<void> {
  const raw = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = raw;
  }
  const faulted = await faults.apply('response_url', 'response_url', res);
  if (faulted !== undefined) return void log.rejected.push({ id, body, at: Date.now(), error: faulted });

  const problem = responseProblem(body);
  if (problem) {
    log.rejected.push({ id, body, at: Date.now(), ...problem });
    return sendText(res, 400, problem.error);
  }
  log.accepted.push({ id, body, at: Date.now() });
  sendText(res, 200, 'ok');
}

/** Why Slack would refuse a response_url body; undefined when it is fine. */
function responseProblem(body: unknown): { error: string; errors?: string[] } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'invalid_payload' };
  const fields = body as Record<string, unknown>;
  // A bare delete_original needs nothing to show.
  if (fields.delete_original === true && fields.text === undefined && fields.blocks === undefined) return undefined;
  const problem = contentProblem(fields);
  if (!problem) return undefined;
  const errors = Array.isArray(problem.errors) ? { errors: problem.errors.map(String) } : {};
  return { error: String(problem.error), ...errors };
}
