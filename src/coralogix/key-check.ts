import { isAppError } from '../errors';
import type { Readiness } from '../http/readiness';
import type { Logger } from '../logger';

/** A key fixed or a permission granted in Coralogix takes effect without a restart. */
const RECHECK_MS = 30_000;

export interface KeyWatch {
  /** Settles after the first check, whatever its result: the app serves either way. */
  first: Promise<void>;
  stop(): void;
}

/** What is wrong with the key, in words an operator can act on. */
export function keyProblem(e: unknown): { reason: string; level: 'warn' | 'error' } {
  const code = isAppError(e) ? e.code : 'internal';
  const said = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'coralogix_unauthorized':
      return {
        reason: `Coralogix refused CORALOGIX_API_KEY (401): check the key, and that CORALOGIX_REGION or CORALOGIX_API_URL is where it was made`,
        level: 'error',
      };
    case 'coralogix_forbidden':
      return {
        reason: 'CORALOGIX_API_KEY may not read the team directory (403): the app cannot match Slack users by e-mail',
        level: 'error',
      };
    case 'coralogix_unavailable':
      return { reason: `Coralogix could not be reached: ${said}`, level: 'warn' };
    default:
      return { reason: `the key check failed: ${said}`, level: 'error' };
  }
}

/**
 * Proves CORALOGIX_API_KEY at boot by reading the team directory, which also warms it for the first
 * command. A failure does not stop the app (what it can still do, it does); /readyz stays 503 with
 * the reason and the check repeats until it passes.
 */
export function watchCoralogixKey(opts: {
  probe: () => Promise<unknown>;
  readiness: Readiness;
  logger: Logger;
  recheckMs?: number;
}): KeyWatch {
  const { probe, readiness, logger, recheckMs = RECHECK_MS } = opts;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;

  const check = async (): Promise<void> => {
    try {
      await probe();
      readiness.pass('coralogix');
      if (failing) logger.info('Coralogix key accepted');
      failing = false;
    } catch (e) {
      const { reason, level } = keyProblem(e);
      readiness.fail('coralogix', reason);
      logger[level]({ err: e, check: 'coralogix_key' }, reason);
      failing = true;
      if (!stopped) timer = setTimeout(() => void check(), recheckMs).unref();
    }
  };

  return {
    first: check(),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
