import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Handling is mostly waiting on Coralogix and Slack: buckets from a few ms to past Slack's 3 s window. */
const HANDLING_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CALL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface Metrics {
  registry: Registry;
  commands: Counter<'outcome'>;
  clicks: Counter<'action' | 'outcome'>;
  webhooks: Counter<'outcome'>;
  handling: Histogram<'kind'>;
  coralogixCalls: Histogram<'endpoint' | 'status'>;
  slackCalls: Histogram<'method' | 'status'>;
  cache: Counter<'cache' | 'result'>;
}

/**
 * One registry per app, not prom-client's global one: tests and the bench run several apps in one
 * process, and each must count only its own work.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    commands: new Counter({
      name: 'case_assign_commands_total',
      help: '/case-assign commands handled, by outcome (assigned, help, or the error code)',
      labelNames: ['outcome'],
      registers,
    }),
    clicks: new Counter({
      name: 'case_assign_clicks_total',
      help: 'Case button clicks handled, by action id and outcome',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    webhooks: new Counter({
      name: 'case_assign_webhooks_total',
      help: 'Coralogix case notifications received, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    handling: new Histogram({
      name: 'case_assign_handling_seconds',
      help: 'Time from receiving a command, click or webhook to its final answer',
      labelNames: ['kind'],
      buckets: HANDLING_BUCKETS,
      registers,
    }),
    coralogixCalls: new Histogram({
      name: 'case_assign_coralogix_request_seconds',
      help: 'Coralogix API calls, one per HTTP attempt (retries included), by endpoint template and status',
      labelNames: ['endpoint', 'status'],
      buckets: CALL_BUCKETS,
      registers,
    }),
    slackCalls: new Histogram({
      name: 'case_assign_slack_request_seconds',
      help: 'Slack Web API calls by method (response_url for replies to a command or click), and HTTP status',
      labelNames: ['method', 'status'],
      buckets: CALL_BUCKETS,
      registers,
    }),
    cache: new Counter({
      name: 'case_assign_cache_total',
      help: 'User lookups answered from cache (hit) or by calling out (miss)',
      labelNames: ['cache', 'result'],
      registers,
    }),
  };
}
