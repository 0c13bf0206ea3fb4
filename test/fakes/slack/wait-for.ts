const POLL_MS = 10;

/**
 * Polls `probe` until it returns something truthy. A probe that throws (say, reading a response
 * that has not arrived) counts as "not yet". On timeout the error shows the probe, its last
 * error and what the fake saw, which is usually enough to tell why the app did not get there.
 */
export async function pollUntil<T>(
  probe: () => T | undefined | null | false,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: Error | undefined;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const thrown = lastError === undefined ? '' : `\nlast probe error: ${lastError.message}`;
  throw new Error(
    `fake Slack: waitFor timed out after ${timeoutMs} ms\nprobe: ${probe.toString()}${thrown}\n${describe()}`,
  );
}

interface CallLike {
  method: string;
  error?: string;
}
interface PostLike {
  id: string;
  error?: string;
}

export function describeTraffic(calls: CallLike[], responses: PostLike[], rejected: PostLike[]): string {
  const callList = calls.map((c) => (c.error ? `${c.method} → ${c.error}` : c.method)).join(', ') || 'none';
  const rejectedList = rejected.map((r) => `${r.id} → ${r.error ?? '?'}`).join(', ') || 'none';
  return `Web API calls: ${callList}\nresponse_url posts accepted: ${responses.length}; rejected: ${rejectedList}`;
}
