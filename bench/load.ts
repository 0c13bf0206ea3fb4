import { sign } from '../test/support/slack-requests';

export interface Sent {
  n: number;
  /** Wall clock (ms) when the request left, to compare with the fake Slack's receipt times. */
  sentAt: number;
  ackMs?: number;
  status?: number;
  error?: string;
}

export interface LoadResult {
  sent: Sent[];
  /** Commands that fell due while `concurrency` acknowledgements were still awaited. */
  dropped: number;
  seconds: number;
}

/**
 * An open loop: command n leaves at start + n/rate whatever the app does, so a slow app meets a
 * queue, as it would in production, instead of slowing the load down. Node's fetch keeps
 * connections alive, as Slack does.
 */
export async function runLoad(opts: {
  url: string;
  rate: number;
  seconds: number;
  concurrency: number;
  signingSecret: string;
  body: (n: number) => string;
}): Promise<LoadResult> {
  const total = Math.round(opts.rate * opts.seconds);
  const sent: Sent[] = [];
  const pending = new Set<Promise<void>>();
  let dropped = 0;

  const fire = (n: number) => {
    const body = opts.body(n);
    const record: Sent = { n, sentAt: Date.now() };
    sent.push(record);
    const started = performance.now();
    const request = fetch(opts.url, { method: 'POST', body, headers: sign(body, opts.signingSecret) })
      .then(async (res) => {
        await res.arrayBuffer();
        record.ackMs = performance.now() - started;
        record.status = res.status;
      })
      .catch((e: unknown) => {
        record.error = e instanceof Error ? e.message : String(e);
      })
      .finally(() => pending.delete(request));
    pending.add(request);
  };

  const started = performance.now();
  for (let next = 0; next < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * opts.rate) / 1000) + 1);
    for (; next < due; next += 1) {
      if (pending.size >= opts.concurrency) dropped += 1;
      else fire(next);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  return { sent, dropped, seconds: (performance.now() - started) / 1000 };
}
