import { LRUCache } from 'lru-cache';

/**
 * Runs one piece of work per key within a window: a double click, or Slack delivering the same
 * interaction twice, joins the first run instead of changing the case (and noting it) again.
 */
export class OncePerKey<T extends object> {
  private readonly runs: LRUCache<string, Promise<T>>;

  constructor(windowMs: number, max = 10_000) {
    this.runs = new LRUCache({ max, ttl: windowMs });
  }

  /** `first` is false when the work was already running or ran within the window. */
  async run(key: string, work: () => Promise<T>): Promise<{ first: boolean; result: T }> {
    const running = this.runs.get(key);
    if (running) return { first: false, result: await running };
    const started = work();
    this.runs.set(key, started);
    // A failed run must not block a retry.
    started.catch(() => this.runs.delete(key));
    return { first: true, result: await started };
  }
}
