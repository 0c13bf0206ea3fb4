import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Logger } from '../logger';
import type { CallContext } from './call';
import { ENDPOINTS, endpointName, pathFor, type Endpoint } from './endpoints';
import { badResponse, toCoralogixError } from './errors';
import { DEFAULT_RETRY, installRetry, type RetryPolicy } from './retry';
import {
  caseEnvelopeSchema,
  commentEnvelopeSchema,
  deepLinksEnvelopeSchema,
  teammatesEnvelopeSchema,
  type Case,
  type Teammate,
} from './schemas';

export type { RetryPolicy } from './retry';
export type CallObserver = (call: { endpoint: string; status: number | 'error'; durationMs: number }) => void;

export interface CoralogixClient {
  getCase(id: string): Promise<Case>;
  assign(id: string, userId: string): Promise<Case>;
  unassign(id: string): Promise<Case>;
  acknowledge(id: string): Promise<Case>;
  comment(id: string, text: string): Promise<void>;
  /** The case's page in the Coralogix web app; undefined when Coralogix cannot say. Never throws. */
  deepLink(id: string): Promise<string | undefined>;
  teammates(): Promise<Teammate[]>;
}

export interface CoralogixClientOptions {
  /** scheme://host[:port] */
  origin: string;
  apiKey: string;
  timeoutMs: number;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** Called once per HTTP attempt, retries included. */
  onCall?: CallObserver;
}

export function createCoralogixClient(opts: CoralogixClientOptions): CoralogixClient {
  const log = opts.logger.child({ component: 'coralogix' });
  const http = axios.create({
    baseURL: `${opts.origin}/mgmt/openapi/5`,
    timeout: opts.timeoutMs,
    headers: { Authorization: `Bearer ${opts.apiKey}`, Accept: 'application/json' },
    // The API never redirects; without redirects axios skips follow-redirects, a measurable cost per call.
    maxRedirects: 0,
  });
  // Observe before retrying, so that every attempt is seen once.
  observeAttempts(http, log, opts.onCall);
  installRetry(http, { ...DEFAULT_RETRY, ...opts.retry }, log);
  // Links never change for a case; a warm case costs no call.
  const links = new LRUCache<string, string>({ max: 5000, ttl: 60 * 60 * 1000 });

  async function call<S extends z.ZodType>(
    endpoint: Endpoint,
    schema: S,
    request: { id?: string; url?: string; data?: unknown },
  ): Promise<z.output<S>> {
    const id = request.id;
    const context: CallContext = {
      endpoint: endpointName(endpoint),
      permission: endpoint.permission,
      idempotent: endpoint.idempotent,
      caseId: id,
    };
    const url = request.url ?? pathFor(endpoint, id ?? '');
    let response: AxiosResponse<unknown>;
    try {
      response = await http.request({ method: endpoint.method, url, data: request.data, coralogix: context });
    } catch (error) {
      throw toCoralogixError(error, context, opts.apiKey);
    }
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) throw badResponse(context, response.status, parsed.error);
    return parsed.data;
  }

  const caseCall = async (endpoint: Endpoint, id: string, data?: unknown): Promise<Case> =>
    (await call(endpoint, caseEnvelopeSchema, { id, data })).case;

  return {
    getCase: (id) => caseCall(ENDPOINTS.getCase, id),
    assign: (id, userId) => caseCall(ENDPOINTS.assign, id, { assignee: { userId } }),
    unassign: (id) => caseCall(ENDPOINTS.unassign, id),
    acknowledge: (id) => caseCall(ENDPOINTS.acknowledge, id),

    async comment(id, text) {
      await call(ENDPOINTS.comment, commentEnvelopeSchema, { id, data: { text } });
    },

    async deepLink(id) {
      const cached = links.get(id);
      if (cached !== undefined) return cached;
      try {
        const detail = (await call(ENDPOINTS.deepLinks, deepLinksEnvelopeSchema, { id })).deepLinks?.detail;
        if (detail !== undefined) links.set(id, detail);
        return detail;
      } catch (error) {
        // Only a button's link is lost; the action the user asked for goes on.
        log.warn({ err: error, caseId: id }, 'no deep link for case');
        return undefined;
      }
    },

    async teammates() {
      const url = `${opts.origin}${ENDPOINTS.teammates.path}`;
      return (await call(ENDPOINTS.teammates, teammatesEnvelopeSchema, { url })).data;
    },
  };
}

function observeAttempts(http: AxiosInstance, log: Logger, onCall: CallObserver | undefined): void {
  http.interceptors.request.use((config) => {
    if (config.coralogix) config.coralogix = { ...config.coralogix, startedAt: performance.now() };
    return config;
  });
  const report = (context: CallContext | undefined, status: number | 'error'): void => {
    if (!context) return;
    const durationMs = Math.round(performance.now() - (context.startedAt ?? performance.now()));
    log.debug({ endpoint: context.endpoint, status, durationMs }, 'Coralogix call');
    onCall?.({ endpoint: context.endpoint, status, durationMs });
  };
  http.interceptors.response.use(
    (response) => {
      report(response.config.coralogix, response.status);
      return response;
    },
    (error: unknown) => {
      const failed = axios.isAxiosError(error) ? error : undefined;
      report(failed?.config?.coralogix, failed?.response?.status ?? 'error');
      throw error;
    },
  );
}
