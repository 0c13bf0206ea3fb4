import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { startFakeSlack, type FakeSlack } from './slack-server';

let fake: FakeSlack;
let slack: WebClient;

async function failureOf<E = WebAPIPlatformError>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as E,
  );
}

/** What Bolt's respond() does: POST the message as JSON, no token. */
async function respond(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

beforeEach(async () => {
  fake = await startFakeSlack();
  slack = new WebClient(fake.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
});
afterEach(() => fake.close());

describe('scripted Web API failures', () => {
  it('rate limits with HTTP 429 and Retry-After, once, then answers normally', async () => {
    fake.failNext('chat.postMessage', { retryAfter: 7 });

    const error = await failureOf<WebAPIRateLimitedError>(slack.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect(error.retryAfter).toBe(7);
    expect(fake.calls[0]?.error).toBe('ratelimited');
    await expect(slack.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('repeats a fault as many times as asked, for that method only', async () => {
    fake.failNext('users.info', { error: 'user_not_visible' }, 2);

    await expect(slack.auth.test()).resolves.toMatchObject({ ok: true });
    for (let i = 0; i < 2; i++) {
      const error = await failureOf(slack.users.info({ user: 'U1' }));
      expect(error).toBeInstanceOf(WebAPIPlatformError);
      expect(error.data.error).toBe('user_not_visible');
    }
    expect((await failureOf(slack.users.info({ user: 'U1' }))).data.error).toBe('user_not_found');
  });

  it('answers a server error with its status and body', async () => {
    fake.failNext('chat.update', { status: 503, body: 'upstream down' });

    const error = await failureOf<WebAPIHTTPError>(slack.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' }));
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect(error.statusCode).toBe(503);
  });

  it('holds a delayed answer back while other calls go through', async () => {
    fake.failNext('chat.postMessage', { delayMs: 300 });
    const finished: string[] = [];

    const slow = slack.chat.postMessage({ channel: 'C1', text: 'slow' }).then(() => finished.push('postMessage'));
    await slack.auth.test().then(() => finished.push('auth.test'));
    await slow;
    expect(finished).toEqual(['auth.test', 'postMessage']);
  });
});

describe('response_url', () => {
  it('records what is posted to it, under its id, and answers ok', async () => {
    const url = fake.responseUrl('click-1');
    const answer = await respond(url, { text: 'CASE-1 assigned', replace_original: true });

    expect(answer).toEqual({ status: 200, text: 'ok' });
    expect(fake.responses).toEqual([
      { id: 'click-1', body: { text: 'CASE-1 assigned', replace_original: true }, at: expect.any(Number) },
    ]);
  });

  it('hands out a different url each time when no id is given', () => {
    expect(fake.responseUrl()).not.toBe(fake.responseUrl());
  });

  it('refuses invalid blocks with 400 invalid_blocks and keeps the reason apart', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    const answer = await respond(fake.responseUrl('r1'), { text: 'long', blocks });

    expect(answer).toEqual({ status: 400, text: 'invalid_blocks' });
    expect(fake.responses).toEqual([]);
    expect(fake.rejectedResponses[0]).toMatchObject({ id: 'r1', error: 'invalid_blocks' });
    expect(fake.rejectedResponses[0]?.errors).toEqual([expect.stringContaining('/blocks/0/text')]);
  });

  it('answers 404 for an expired response_url when told to', async () => {
    fake.failNext('response_url', { status: 404 });

    expect(await respond(fake.responseUrl('old'), { text: 'late' })).toEqual({ status: 404, text: 'no_service' });
    expect(await respond(fake.responseUrl('new'), { text: 'fresh' })).toEqual({ status: 200, text: 'ok' });
    expect(fake.responses.map((r) => r.id)).toEqual(['new']);
  });
});

describe('waitFor', () => {
  it('resolves with the first truthy value of the probe', async () => {
    setTimeout(() => void slack.chat.postMessage({ channel: 'C1', text: 'later' }), 50);

    const message = await fake.waitFor(() => fake.messages.get('C1')?.[0]);
    expect(message.text).toBe('later');
  });

  it('times out with the probe and the traffic the fake saw', async () => {
    await failureOf(slack.users.info({ user: 'U404' }));

    const error = await failureOf<Error>(fake.waitFor(() => fake.responses[0]!.body.text, 100));
    expect(error.message).toMatch(/timed out after 100 ms/);
    expect(error.message).toMatch(/users\.info → user_not_found/);
    expect(error.message).toMatch(/last probe error/);
  });
});
