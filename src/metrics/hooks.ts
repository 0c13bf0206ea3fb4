import type { FetchFunction } from '@slack/web-api';
import type { CallObserver } from '../coralogix/client';
import { metricsObserver, type Observer } from './observer';
import type { Metrics } from './registry';
import { timedFetch } from './slack-fetch';

export interface MetricHooks {
  /** For `clientOptions.fetch`: times every Web API call and every response_url post, and bounds it. */
  slackFetch: FetchFunction;
  /** For the Coralogix client's `onCall`. */
  onCoralogixCall: CallObserver;
  /** For a cache's `onCache`, labelled with the cache's name. */
  onCache: (cache: 'team_directory' | 'slack_users') => (hit: boolean) => void;
  observer: Observer;
}

/** The places the app reports to its metrics, built in one go so app.ts only plugs them in. */
export function metricHooks(metrics: Metrics, slackApiUrl: string, slackTimeoutMs: number): MetricHooks {
  return {
    slackFetch: timedFetch(
      slackApiUrl,
      ({ method, status, seconds }) => metrics.slackCalls.observe({ method, status: String(status) }, seconds),
      { timeoutMs: slackTimeoutMs },
    ),
    onCoralogixCall: ({ endpoint, status, durationMs }) =>
      metrics.coralogixCalls.observe({ endpoint, status: String(status) }, durationMs / 1000),
    onCache: (cache) => (hit) => metrics.cache.inc({ cache, result: hit ? 'hit' : 'miss' }),
    observer: metricsObserver(metrics),
  };
}
