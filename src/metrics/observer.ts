import type { Metrics } from './registry';

/** What the listeners and routes report once per request, after they answered; no Slack types. */
export interface HandledEvent {
  kind: 'command' | 'click' | 'webhook';
  /** The button's action id, for clicks. */
  action?: string;
  /** 'assigned', 'help', 'duplicate', … or the AppError code of a failure. */
  outcome: string;
  seconds: number;
}

export interface Observer {
  handled(event: HandledEvent): void;
}

export function metricsObserver(metrics: Metrics): Observer {
  return {
    handled({ kind, action, outcome, seconds }) {
      if (kind === 'command') metrics.commands.inc({ outcome });
      else if (kind === 'click') metrics.clicks.inc({ action: action ?? 'unknown', outcome });
      else metrics.webhooks.inc({ outcome });
      metrics.handling.observe({ kind }, seconds);
    },
  };
}
