import { isAxiosError, type AxiosError } from 'axios';
import { retryAfter } from 'axios-retry';
import { AppError, toAppError, type ErrorDetails } from '../errors';
import type { CallContext } from './call';

const MAX_MESSAGE = 300;

/**
 * The one place a failed Coralogix call becomes an AppError. Callers branch on the code; the
 * message is for logs and names the endpoint, the status and what Coralogix said.
 */
export function toCoralogixError(error: unknown, call: CallContext, apiKey: string): AppError {
  if (!isAxiosError(error)) return toAppError(error);
  redactAxiosError(error);
  const status = error.response?.status;
  const details: ErrorDetails = { endpoint: call.endpoint, ...(status !== undefined && { status }) };
  const said = status === undefined ? error.message : remoteMessage(error.response?.data);
  const message = scrub(`Coralogix ${call.endpoint} failed (${status ?? error.code ?? 'no answer'}): ${said}`, apiKey);
  const cause = { cause: error };

  if (status === undefined || status === 429 || status >= 500) {
    const waitMs = retryAfter(error);
    const retry = waitMs > 0 ? { retryAfter: Math.ceil(waitMs / 1000) } : {};
    return new AppError('coralogix_unavailable', message, { ...details, ...retry }, cause);
  }
  if (status === 401) return new AppError('coralogix_unauthorized', message, details, cause);
  if (status === 403) {
    return new AppError('coralogix_forbidden', message, { ...details, permission: call.permission }, cause);
  }
  if (status === 404 && call.caseId !== undefined) {
    return new AppError('case_not_found', message, { ...details, caseId: call.caseId }, cause);
  }
  return new AppError('coralogix_rejected', message, details, cause);
}

/** A 2xx whose body is not what the API documents: a proxy's page, or an API change. */
export function badResponse(call: CallContext, status: number, cause: unknown): AppError {
  return new AppError(
    'coralogix_bad_response',
    `Coralogix ${call.endpoint} answered ${status} with an unexpected body`,
    { endpoint: call.endpoint, status },
    { cause },
  );
}

/** Coralogix writes errors as {code,message}, older routes as plain text; gateways send other shapes. */
function remoteMessage(data: unknown): string {
  if (typeof data === 'string') {
    const title = /<title>([^<]*)<\/title>/i.exec(data)?.[1];
    return truncate(title !== undefined ? `HTML page "${title.trim()}"` : data.trim());
  }
  if (typeof data !== 'object' || data === null) return '';
  const body = data as Record<string, unknown>;
  const nested = body.error as Record<string, unknown> | undefined;
  const candidates = [body.message, body.error, nested?.message, body.detail];
  const text = candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
  return truncate(text ?? JSON.stringify(data));
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function scrub(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[REDACTED]') : text;
}

/**
 * An axios error keeps the request headers (config) and the raw request, whose header text holds
 * the key. Logging the AppError serialises its cause, so strip the key here once.
 */
function redactAxiosError(error: AxiosError): void {
  if (error.config?.headers) error.config.headers.set('Authorization', '[REDACTED]');
  for (const holder of [error, error.response]) {
    if (holder && 'request' in holder) Object.defineProperty(holder, 'request', { enumerable: false });
  }
}
