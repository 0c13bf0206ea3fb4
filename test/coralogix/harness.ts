import { createCoralogixClient, type CoralogixClient } from '../../src/coralogix/client';
import { isAppError, type AppError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import type { FakeCoralogix } from '../fakes/coralogix-server';

export interface Harness {
  client: CoralogixClient;
  calls: Array<{ endpoint: string; status: number | 'error'; durationMs: number }>;
  /** Every log line the client wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The raw log output, to look for secrets in. */
  logText: () => string;
}

/** A client against the fake with fast retries and a log we can read. No secret scrubbing in the logger on purpose. */
export function clientFor(
  fake: Pick<FakeCoralogix, 'origin' | 'apiKey'>,
  overrides: { timeoutMs?: number; retries?: number; apiKey?: string } = {},
): Harness {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  const calls: Harness['calls'] = [];
  const client = createCoralogixClient({
    origin: fake.origin,
    apiKey: overrides.apiKey ?? fake.apiKey,
    timeoutMs: overrides.timeoutMs ?? 2000,
    logger,
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...(overrides.retries !== undefined && { retries: overrides.retries }) },
    onCall: (call) => calls.push(call),
  });
  return {
    client,
    calls,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
  };
}

/** The AppError a call fails with; fails the test when it succeeds or throws something else. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
