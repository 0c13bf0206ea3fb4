import type { AxiosError, AxiosInstance } from 'axios';
import axiosRetry, { isNetworkError, retryAfter } from 'axios-retry';
import type { Logger } from '../logger';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 200, maxDelayMs: 4000 };

/** A Retry-After longer than this outlasts the user's patience: give up and say "try again". */
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Retries what is transient: 429, 5xx, timeouts and network errors, for calls that are safe to
 * repeat (assign, unassign, acknowledge, reads). A call that is not (a timeline comment) is retried
 * only when it surely never ran: 429 and 503 refuse a request before it is handled, and a refused
 * connection carried nothing. After a timeout, a dropped connection or another 5xx Coralogix may
 * have stored it, and a retry would write the note twice.
 */
export function installRetry(http: AxiosInstance, policy: RetryPolicy, log: Logger): void {
  axiosRetry(http, {
    retries: policy.retries,
    // Each attempt gets the whole per-request timeout, not what the previous one left over.
    shouldResetTimeout: true,
    retryCondition: (error) => {
      const repeatable = error.config?.coralogix?.idempotent !== false;
      if (!(repeatable ? isTransient(error) : neverRan(error))) return false;
      const waitMs = retryAfter(error);
      if (waitMs <= MAX_RETRY_AFTER_MS) return true;
      log.warn(
        { endpoint: error.config?.coralogix?.endpoint, retryAfterMs: waitMs },
        'Coralogix asks to wait too long',
      );
      return false;
    },
    retryDelay: (attempt, error) => {
      const delayMs = Math.round(Math.max(backoff(attempt, policy), retryAfter(error)));
      const status = error.response?.status ?? error.code;
      log.warn({ endpoint: error.config?.coralogix?.endpoint, status, attempt, delayMs }, 'retrying Coralogix call');
      return delayMs;
    },
  });
}

function isTransient(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status !== undefined) return status === 429 || status >= 500;
  return isTimeout(error) || isNetworkError(error);
}

function neverRan(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status !== undefined) return status === 429 || status === 503;
  return error.code === 'ECONNREFUSED';
}

function isTimeout(error: AxiosError): boolean {
  return error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
}

/** Exponential, capped, with "equal jitter" so that many clients do not retry in step. */
function backoff(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}
