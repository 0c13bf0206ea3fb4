import type { Logger } from '../logger';
import type { HandledEvent } from '../metrics/observer';
import type { Services } from '../services';

export interface OutcomeFields {
  outcome: string;
  caseId?: string;
  /** The ref the user was shown, on failures. */
  ref?: string;
  hint?: string;
}

/**
 * The one info line each command or click ends with (outcome, case, latency, ref; the child logger
 * carries user and team), counted and timed in the metrics at the same moment. Start it when the
 * request arrives.
 */
export function outcomeRecorder(
  services: Services,
  log: Logger,
  event: Pick<HandledEvent, 'kind' | 'action'>,
): (fields: OutcomeFields, message: string) => void {
  const started = performance.now();
  return (fields, message) => {
    const ms = Math.round(performance.now() - started);
    log.info({ ...fields, ms }, message);
    services.observe?.handled({ ...event, outcome: fields.outcome, seconds: ms / 1000 });
  };
}
