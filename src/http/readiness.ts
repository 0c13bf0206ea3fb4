/**
 * What /readyz reports: each boot check passes or names its problem, and shutdown makes the app
 * unready at once so a load balancer stops sending work while what is in flight finishes.
 */
export class Readiness {
  private readonly problems = new Map<string, string>();
  private stopping = false;

  constructor(checks: string[]) {
    for (const check of checks) this.problems.set(check, `${check}: not checked yet`);
  }

  pass(check: string): void {
    this.problems.delete(check);
  }

  fail(check: string, reason: string): void {
    this.problems.set(check, `${check}: ${reason}`);
  }

  stop(): void {
    this.stopping = true;
  }

  state(): { ready: boolean; reasons: string[] } {
    const reasons = [...(this.stopping ? ['shutting down'] : []), ...this.problems.values()];
    return { ready: reasons.length === 0, reasons };
  }
}
