import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeCaseId } from '../cases/case-id';
import { sendJson, type RouteHandler } from '../http/server';
import type { InFlight } from '../inflight';
import type { Logger } from '../logger';
import type { NotifyOutcome, NotifyRequest } from './case-notifier';
import { bearerChecker } from './bearer';
import { readBoundedBody } from './bounded-body';
import { failureAnswer } from './failure-answer';
import { parseNotification, type CaseNotification } from './notification-payload';

export const WEBHOOK_PATH = '/webhooks/coralogix';
/** Far above any template's body; well below what would hurt the process. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface WebhookRouteDeps {
  secret: string;
  notify: (req: NotifyRequest) => Promise<NotifyOutcome>;
  inflight: InFlight;
  logger: Logger;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  outcome: string;
  level?: 'info' | 'warn' | 'error';
  headers?: Record<string, string>;
  notification?: Partial<CaseNotification>;
  /** The failure behind a 5xx or 404, for the log line. */
  err?: unknown;
}

const refuse = (status: number, error: string, outcome: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { ok: false, error },
  outcome,
  ...(headers ? { headers } : {}),
});

/**
 * POST /webhooks/coralogix (design §8): each request gets one answer and one log line with the
 * case, channel, event, outcome and time taken. The Authorization header is never logged.
 */
export function coralogixWebhookRoute(deps: WebhookRouteDeps): [string, RouteHandler] {
  const authorized = bearerChecker(deps.secret);
  const log = deps.logger.child({ component: 'webhook' });

  async function intake(req: IncomingMessage): Promise<Answer> {
    if (!deps.inflight.accepting) return refuse(503, 'shutting down; try again', 'stopping', { 'retry-after': '5' });
    if (!authorized(req.headers.authorization)) {
      return refuse(401, 'unauthorized: send Authorization: Bearer <WEBHOOK_SECRET>', 'unauthorized');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return refuse(415, 'send Content-Type: application/json', 'bad_content_type');
    const raw = await readBoundedBody(req, MAX_BODY_BYTES);
    if (raw === 'too_large') {
      // The rest of the body is not read; closing the connection discards it.
      return refuse(413, `body over ${MAX_BODY_BYTES} bytes`, 'too_large', { connection: 'close' });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'body is not valid JSON', 'bad_json');
    }
    const parsed = parseNotification(json);
    if (!parsed.ok) return refuse(400, parsed.reason, 'bad_body');
    const notification = parsed.value;
    return { ...(await handle(notification)), notification };
  }

  async function handle(n: CaseNotification): Promise<Answer> {
    try {
      const caseId = normalizeCaseId(n.caseId);
      const outcome = await deps.notify({ caseId, channel: n.channel, eventId: n.eventId });
      if (outcome.action === 'no_channel') {
        return refuse(400, 'no channel: set CASES_CHANNEL_ID or send channel', 'no_channel');
      }
      return { status: 200, body: { ok: true, ...outcome }, outcome: outcome.action };
    } catch (e) {
      const failure = failureAnswer(e);
      const headers = failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : undefined;
      return { ...refuse(failure.status, failure.reason, failure.code, headers), level: failure.level, err: e };
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const answer = await intake(req);
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    sendJson(res, answer.status, answer.body);
    const n = answer.notification ?? {};
    const channel = typeof answer.body.channel === 'string' ? answer.body.channel : n.channel;
    log[answer.level ?? 'info'](
      {
        caseId: n.caseId,
        channel,
        event: n.event,
        eventId: n.eventId,
        status: answer.status,
        outcome: answer.outcome,
        ...(answer.status >= 400 ? { error: answer.body.error } : {}),
        ...(answer.err !== undefined && answer.level !== 'info' ? { err: answer.err } : {}),
        ms: Math.round(performance.now() - started),
      },
      'case notification',
    );
  }

  return [`POST ${WEBHOOK_PATH}`, (req, res) => deps.inflight.track(serve(req, res))];
}
