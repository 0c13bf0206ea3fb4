import { startHarness, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

const CHANNEL = 'C0CASES01';
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: CHANNEL } });
});
afterEach(async () => {
  await h.close();
});

const send = (extra: Record<string, unknown> = {}) =>
  postWebhook(h.url, { caseId: h.case123.id, event: 'Activated', ...extra });
const callsOf = (method: string) => h.slack.calls.filter((c) => c.method === method);
const summaryLines = () => h.logs.filter((l) => l.msg === 'case notification');

describe('Slack failures while notifying', () => {
  it('answers 502 saying to invite the bot when it is not in the channel, and logs it as an error', async () => {
    h.slack.setNotInChannel(CHANNEL);

    const res = await send();

    expect(res.status).toBe(502);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toContain('not_in_channel');
    expect(res.body.error).toContain('/invite @case-assign');
    const [line] = summaryLines();
    expect(summaryLines()).toHaveLength(1);
    expect(line).toMatchObject({ level: 50, caseId: h.case123.id, outcome: 'slack_failed' });
    expect(JSON.stringify(line)).toContain(CHANNEL);
  });

  it('answers 502 for a channel that does not exist, naming the fix', async () => {
    h.slack.setUnknownChannel('C0GONE001');

    const res = await send({ channel: 'C0GONE001' });

    expect(res.status).toBe(502);
    expect(res.body.error).toContain('channel_not_found');
    expect(res.body.error).toContain('fix the channel id');
  });

  it('posts once Slack lets it, after the Retry-After of a 429', async () => {
    h.slack.failNext('chat.postMessage', { retryAfter: 1 });

    const res = await send();

    expect(res.status).toBe(200);
    expect(res.body.action).toBe('posted');
    const posts = callsOf('chat.postMessage');
    expect(posts.map((c) => c.error)).toEqual(['ratelimited', undefined]);
    // Waited as told, not just the client's own backoff (200 ms).
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(h.slack.messages.get(CHANNEL)).toHaveLength(1);
  });

  it('answers 503 when Slack keeps rate limiting, and the next delivery posts', async () => {
    h.slack.failNext('chat.postMessage', { retryAfter: 0 }, 3);

    const refused = await send();
    const retried = await send();

    expect(refused.status).toBe(503);
    expect(refused.body.error).toContain('ratelimited');
    expect(retried.body.action).toBe('posted');
    expect(h.slack.messages.get(CHANNEL)).toHaveLength(1);
  });

  it('answers 502 when Slack refuses the update, and reports the change again on the next delivery', async () => {
    const first = await send();
    h.coralogix.cases.get(h.case123.id)!.priority = 'CASE_PRIORITY_P1';
    h.slack.failNext('chat.update', { error: 'invalid_auth' });

    const refused = await send();
    const again = await send();

    expect(refused.status).toBe(502);
    expect(refused.body.error).toBe('Slack refused the message: invalid_auth');
    expect(again.body).toMatchObject({ action: 'updated', ts: first.body.ts });
    const replies = (h.slack.messages.get(CHANNEL) ?? []).filter((m) => m.thread_ts === first.body.ts);
    expect(replies.map((r) => r.text)).toEqual(['Priority P2 → P1']);
  });
});
