import { STATUS_CODES, type ServerResponse } from 'node:http';
import { sendJson, sendText } from './wire';

/**
 * One scripted failure. `error` alone is a platform error (HTTP 200, `ok:false`) on the Web API and a
 * 400 text body on a response_url; `retryAfter` alone is a 429; `delayMs` alone only slows the answer.
 */
export interface Fault {
  error?: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  body?: string;
}

export type FaultTarget = 'web_api' | 'response_url';

export class FaultQueue {
  private readonly pending = new Map<string, Array<{ fault: Fault; left: number }>>();
  private readonly delays = new Set<NodeJS.Timeout>();

  add(target: string, fault: Fault, times: number): void {
    const queue = this.pending.get(target) ?? [];
    queue.push({ fault, left: times });
    this.pending.set(target, queue);
  }

  /** The next fault for `target`, counting one use of it. */
  private take(target: string): Fault | undefined {
    const queue = this.pending.get(target);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.fault;
  }

  /**
   * Runs the next fault for `target`, if any: waits out its delay, then answers in place of the
   * fake when it is more than a delay. Returns the failure's label when it answered.
   */
  async apply(target: string, kind: FaultTarget, res: ServerResponse): Promise<string | undefined> {
    const fault = this.take(target);
    if (!fault) return undefined;
    if (fault.delayMs) await new Promise((resolve) => this.delays.add(setTimeout(resolve, fault.delayMs)));
    if (!answersInstead(fault)) return undefined;
    answerWithFault(res, fault, kind);
    return faultLabel(fault);
  }

  /** Lets the server close without waiting out delays; the delayed requests are cut with it. */
  cancelDelays(): void {
    for (const timer of this.delays) clearTimeout(timer);
    this.delays.clear();
  }
}

/** Whether the fault is more than a delay, i.e. replaces the normal answer. */
export function answersInstead(fault: Fault): boolean {
  return (
    fault.error !== undefined ||
    fault.status !== undefined ||
    fault.retryAfter !== undefined ||
    fault.body !== undefined
  );
}

/** Writes the failure the way Slack would: 429s carry Retry-After, Web API bodies are JSON. */
export function answerWithFault(res: ServerResponse, fault: Fault, target: FaultTarget): void {
  const status = fault.status ?? defaultStatus(fault, target);
  const retryAfter = fault.retryAfter ?? (status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };

  if (fault.body !== undefined) return sendText(res, status, fault.body, headers);
  if (target === 'web_api') {
    return sendJson(res, status, { ok: false, error: fault.error ?? webApiError(status) }, headers);
  }
  sendText(res, status, fault.error ?? responseUrlError(status), headers);
}

/** A short name for the failure, for call records and timeout messages. */
export function faultLabel(fault: Fault): string {
  if (fault.error !== undefined) return fault.error;
  const status = fault.status ?? 429;
  return status === 429 ? 'ratelimited' : `http_${status}`;
}

function defaultStatus(fault: Fault, target: FaultTarget): number {
  if (fault.retryAfter !== undefined) return 429;
  if (fault.error === undefined) return 500;
  return target === 'web_api' ? 200 : 400;
}

function webApiError(status: number): string {
  return status === 429 ? 'ratelimited' : 'internal_error';
}

/** Slack's hooks answer in plain text; these are the words its incoming-webhook docs use. */
function responseUrlError(status: number): string {
  if (status === 404) return 'no_service';
  if (status === 429) return 'rate_limited';
  return STATUS_CODES[status] ?? 'error';
}
