/**
 * Work still running after Slack was acknowledged. Shutdown waits for it (within a bound), so a
 * SIGTERM in the middle of an assignment does not leave the user without an answer.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  get size(): number {
    return this.running.size;
  }

  get accepting(): boolean {
    return !this.closed;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Stops taking new work and resolves true when nothing runs any more, or false when the bound
   * passes first. Work that began just before the close (a request still being read) is waited for too.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const idle = async (): Promise<true> => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true;
    };
    const finished = await Promise.race([idle(), timeout]);
    clearTimeout(timer);
    return finished;
  }
}
